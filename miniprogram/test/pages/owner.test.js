// An owner's houses and verification (OWN-2), votes with receipts (OWN-3) and surveys (OWN-6), rendered with
// miniprogram-simulate.
const { fakeApi, problem, load, settle, text, signedIn, OWNER } = require('../helpers');

const HOUSE = unitCode => ({ unitCode, roomNo: '1-101', owners: [{ id: 70, title: null }] });

test('my houses: the list with my title, verify all, and the API\'s refusal without a real-name identity', async () => {
  signedIn(OWNER);
  let verified = false;
  const calls = fakeApi({
    'GET /estates': { items: [{ id: 1, name: '澳门新街坊' }], total: 1 },
    'GET /estates/1/houses': () => ({ items: [{ ...HOUSE('U-1'), owners: [{ id: 70, title: verified ? { certificateNumber: '粤(2026)横琴不动产权第0000001号', exclusiveArea: '89.50' } : null }] }], total: 1 }),
    'POST /me/houses/verification': () => { verified = true; return { items: [{ unitCode: 'U-1', result: 'HELD' }] }; },
  });
  const page = load('pages/houses/houses');
  await page.instance.onLoad({});
  expect(text(page)).toContain('未核验');
  page.querySelector('#verify-all').dispatchEvent('tap');
  await settle();
  expect(calls.find(c => c.method === 'POST').path).toBe('/me/houses/verification');
  expect(page.querySelector('#houses-notice').dom.textContent).toBe('核验完成：1 套房屋');
  expect(text(page)).toContain('已核验');
  expect(text(page)).toContain('89.50 ㎡');

  fakeApi({
    'GET /estates': { items: [], total: 0 },
    'POST /me/houses/verification': problem(409, 'verification.noIdentity', '此账号没有实名身份，无法核验'),
  });
  page.querySelector('#verify-all').dispatchEvent('tap');
  await settle();
  expect(page.querySelector('#houses-message').dom.textContent).toBe('此账号没有实名身份，无法核验');
});

test('verifying one house shows the registry\'s answer with its reason', async () => {
  signedIn(OWNER);
  const calls = fakeApi({
    'GET /estates': { items: [{ id: 1, name: '澳门新街坊' }], total: 1 },
    'GET /estates/1/houses': { items: [HOUSE('U-2')], total: 1 },
    'POST /houses/U-2/verification': { result: 'NOT_HELD', reason: 'NAME_MISMATCH' },
  });
  const page = load('pages/houses/houses');
  await page.instance.onLoad({});
  page.querySelector('.verify').dispatchEvent('tap');
  await settle();
  expect(calls.some(c => c.method === 'POST' && c.path === '/houses/U-2/verification')).toBe(true);
  expect(page.data.notice).toBe('U-2：未核验通过 (姓名不一致)');
});

const VOTE = {
  id: 11, title: '更换电梯', status: 'OPEN', startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-12-20T00:00:00Z',
  matters: [{ id: 101, seq: 1, title: '使用维修资金更换 3 号楼电梯' }, { id: 102, seq: 2, title: '委托施工单位' }],
};
const RECEIPT = 'a'.repeat(64);

test('an elector casts a ballot on an open vote and gets the receipts', async () => {
  signedIn(OWNER);
  let ballots = [];
  const calls = fakeApi({
    'GET /votes/11': VOTE,
    'GET /votes/11/my-ballot': () => ({ elector: { key: 'O70' }, canCast: true, canChange: false, ballots }),
    'POST /votes/11/ballots': req => {
      ballots = req.data.choices.map(c => ({ ...c, channel: 'ONLINE', castAt: '2026-12-05T02:00:00Z', receipt: RECEIPT }));
      return { receipts: ballots };
    },
  });
  const page = load('pages/votes/vote');
  await page.instance.onLoad({ id: '11' });
  expect(page.querySelector('#vote-cast').dom.textContent).toBe('投票');
  page.querySelector('#vote-cast').dispatchEvent('tap');
  await settle();
  expect(page.querySelector('#vote-message').dom.textContent).toBe('请至少对一个表决事项作出选择');
  page.querySelector('#choice-101-AGREE').dispatchEvent('tap');
  page.querySelector('#choice-102-ABSTAIN').dispatchEvent('tap');
  await settle();
  page.querySelector('#vote-cast').dispatchEvent('tap');
  await settle();
  expect(calls.find(c => c.method === 'POST').data).toEqual({ choices: [{ matterId: 101, choice: 'AGREE' }, { matterId: 102, choice: 'ABSTAIN' }] });
  expect(page.querySelector('#vote-notice').dom.textContent).toBe('投票已提交，请保存回执');
  expect(text(page.querySelector('#vote-receipts'))).toContain(RECEIPT);
  expect(text(page.querySelector('#vote-receipts'))).toContain('2. 委托施工单位 · 弃权');
  // no change allowed: the button is gone
  expect(page.querySelector('#vote-cast')).toBeFalsy();
});

test('not an elector: no ballot; a published vote shows its result per matter', async () => {
  signedIn(OWNER);
  fakeApi({
    'GET /votes/12': { ...VOTE, id: 12, status: 'PUBLISHED' },
    'GET /votes/12/my-ballot': { elector: null, canCast: false, canChange: false, ballots: [] },
    'GET /votes/12/result': { matters: [{ matterId: 101, seq: 1, title: '使用维修资金更换 3 号楼电梯', outcome: 'PASSED', agree: { heads: 30 }, disagree: { heads: 2 }, abstain: { heads: 1 } }] },
  });
  const page = load('pages/votes/vote');
  await page.instance.onLoad({ id: '12' });
  expect(page.querySelector('#vote-cast')).toBeFalsy();
  expect(text(page.querySelector('#vote-result'))).toContain('通过');
  expect(text(page.querySelector('#vote-result'))).toContain('同意 30');
});

test('the receipt check: counted, superseded, unknown and malformed (VOTE-6)', async () => {
  fakeApi({
    [`GET /public/vote-receipts/${RECEIPT}`]: { receipt: RECEIPT, counted: true, superseded: false, channel: 'ONLINE', castAt: '2026-12-05T02:00:00Z' },
    [`GET /public/vote-receipts/${'b'.repeat(64)}`]: { counted: false, superseded: true, castAt: '2026-12-05T02:00:00Z' },
  });
  const page = load('pages/votes/receipt');
  await page.instance.onLoad({ receipt: RECEIPT });
  expect(page.querySelector('#receipt-answer').dom.getAttribute('data-state')).toBe('counted');
  page.instance.setData({ receipt: 'B'.repeat(64) });
  page.querySelector('#receipt-check').dispatchEvent('tap');
  await settle();
  expect(text(page.querySelector('#receipt-answer'))).toContain('已被修改后的选票取代');
  page.instance.setData({ receipt: 'c'.repeat(64) });
  page.querySelector('#receipt-check').dispatchEvent('tap');
  await settle();
  expect(page.querySelector('#receipt-message').dom.textContent).toBe('未找到此回执');
  page.instance.setData({ receipt: 'xyz' });
  page.querySelector('#receipt-check').dispatchEvent('tap');
  await settle();
  expect(page.querySelector('#receipt-message').dom.textContent).toBe('回执应为 64 位十六进制字符');
});

const SURVEY = {
  survey: {
    id: 21, title: '2026 年第四季度物业服务满意度', periodFrom: '2026-12-01', periodTo: '2026-12-31',
    targets: [{ estateId: 1, estateName: '澳门新街坊' }, { estateId: 2, estateName: '横琴花园' }],
    questions: [
      { id: 1, ordinal: 1, kind: 'SCORE', text: '总体满意度', required: true },
      { id: 2, ordinal: 2, kind: 'MULTIPLE', text: '需要改进的方面', required: false, options: ['保洁', '安保', '绿化'] },
      { id: 3, ordinal: 3, kind: 'TEXT', text: '意见建议', required: false },
    ],
  },
  answered: false, estateIds: [1, 2],
};

test('a survey: required questions first, then the answers of the chosen estate (OWN-6)', async () => {
  signedIn(OWNER);
  const calls = fakeApi({ 'GET /surveys/mine': [SURVEY], 'POST /surveys/21/answers': () => ({ __response: true, statusCode: 204, data: '', header: {} }) });
  const list = load('pages/surveys/list');
  await list.instance.onShow();
  expect(text(list)).toContain('待评价');
  list.querySelector('.survey').dispatchEvent('tap');
  await settle();
  expect(wx.__nav).toEqual([{ kind: 'navigateTo', url: '/pages/surveys/answer?id=21' }]);

  const page = load('pages/surveys/answer');
  await page.instance.onLoad({ id: '21' });
  page.querySelector('#survey-send').dispatchEvent('tap');
  await settle();
  expect(page.querySelector('#survey-message').dom.textContent).toBe('请回答必答题：1');
  page.querySelector('#score-1-4').dispatchEvent('tap');
  await settle();
  page.instance.multiple({ currentTarget: { dataset: { q: 1, v: 2 } } });
  page.instance.multiple({ currentTarget: { dataset: { q: 1, v: 0 } } });
  page.instance.pickEstate({ detail: { value: '1' } });
  page.querySelector('#survey-send').dispatchEvent('tap');
  await settle();
  expect(calls.find(c => c.method === 'POST').data).toEqual({ answers: [{ questionId: 1, score: 4 }, { questionId: 2, choices: [0, 2] }], estateId: 2 });
  expect(page.querySelector('#survey-done').dom.textContent).toBe('感谢您的评价，已提交。');
});

test('a second answer shows the API\'s 409', async () => {
  signedIn(OWNER);
  fakeApi({ 'GET /surveys/mine': [SURVEY], 'POST /surveys/21/answers': problem(409, 'answer.already', '您已评价过此调查') });
  const page = load('pages/surveys/answer');
  await page.instance.onLoad({ id: '21' });
  page.querySelector('#score-1-5').dispatchEvent('tap');
  await settle();
  page.querySelector('#survey-send').dispatchEvent('tap');
  await settle();
  expect(page.querySelector('#survey-message').dom.textContent).toBe('您已评价过此调查');
});
