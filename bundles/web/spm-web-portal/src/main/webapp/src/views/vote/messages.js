// The e-voting pages' texts (issue 16: DIS-4, OWN-3, MAP-6) in the portal's four languages, merged into src/messages.js
// under `votes` (the navigation's two entries are in `nav`). All four languages have exactly the same keys.
const zhCN = {
  map: { title: '业主投票', none: '暂无公开的投票', deadline: '截止 {at}', initiator: '发起：{who}' },
  title: '业主共同决定投票公示', intro: '本区各小区业主共同决定的电子投票：公告、投票进度和已公布的结果（按面积和人数计票，不显示业主姓名）。',
  none: '暂无公开的投票', estate: '小区', initiator: '发起人', startsAt: '投票开始', endsAt: '投票截止', turnout: '已投票 {n} / {total} 人',
  turnoutOnly: '已投票 {n} 人', matterCount: '{n} 项表决事项', back: '返回投票公示', notFound: '没有找到这个投票', matters: '表决事项',
  article: '民法典第二百七十八条第 {n} 项', result: '投票结果', resultNone: '结果公布后在此公示。', outcomes: '各事项结果',
  status: { DRAFT: '草稿', NOTICED: '已公告', OPEN: '投票中', CLOSED: '已截止，待公布', PUBLISHED: '结果已公布', SUSPENDED: '已中止', CANCELLED: '已取消' },
  initiatorKind: { COMMITTEE: '业主委员会', COMPANY: '物业服务企业' },
  category: {
    RULES_OF_PROCEDURE: '制定和修改业主大会议事规则', COVENANT: '制定和修改管理规约', COMMITTEE: '选举或更换业主委员会成员',
    PROPERTY_SERVICE: '选聘和解聘物业服务企业', FUND_USE: '使用维修资金', FUND_RAISE: '筹集维修资金', REBUILD: '改建、重建建筑物及附属设施',
    COMMON_PARTS_USE: '改变共有部分用途或利用共有部分经营', OTHER: '其他重大事项',
  },
  choice: { AGREE: '同意', DISAGREE: '反对', ABSTAIN: '弃权' },
  channel: { ONLINE: '网上投票', PAPER: '纸质选票' },
  outcome: { PASSED: '通过', FAILED: '未通过', NO_QUORUM: '参与不足，未通过' },
  tally: {
    electorate: '投票人 {heads} 人，专有部分面积 {area} ㎡', heads: '{n} 人', area: '{a} ㎡', quorum: '参与', pass: '同意', byArea: '按面积', byHeads: '按人数',
    rule: '（需{f}）', met: '达到', notMet: '未达到', deemed: '视为同意多数（单独列示）：{heads} 人，{area} ㎡', deemedOff: '本小区议事规则未规定视为同意。',
    computedAt: '计票时间', hash: '结果摘要', counts: '同意 {agree} · 反对 {disagree} · 弃权 {abstain}',
  },
  receipt: {
    title: '核对投票回执', intro: '投票后收到的回执（64 位）可在此核对是否已计入，不显示任何姓名。', label: '投票回执', check: '核对',
    counted: '该选票已计入（{channel}，{at}）。', superseded: '该回执对应的选票已被修改，未计入；请以修改后收到的新回执核对。',
    notCounted: '该选票未计入。', unknown: '没有找到这个回执。', invalid: '回执为 64 位十六进制字符。',
  },
  my: {
    title: '我的投票', intro: '本人房屋所在小区的投票：查看公告、在投票期间投票，截止前可按投票规则修改选票。', none: '暂无投票',
    toCast: '去投票', toView: '查看', voted: '已投票', notVoted: '未投票',
  },
  cast: {
    back: '返回我的投票', choose: '请对每个事项选择“同意”“反对”或“弃权”。', submit: '提交选票', change: '修改选票', done: '选票已提交，请保存回执。',
    receipts: '我的回执', receiptHint: '回执是选票的摘要，可在“投票公示”中核对是否已计入。', notElector: '您不在本投票的投票人名册中（名册在投票开始时按已核验的产权登记冻结）。',
    notOpen: '现在不在投票期间。', final: '您已投票；本投票规定选票提交后不能修改。', changeAllowed: '截止前可修改选票', changeNotAllowed: '选票提交后不能修改',
    yours: '您的选择', units: '房屋', area: '专有部分面积', paper: '纸质选票已由业主委员会录入', missing: '请选择', copy: '复制', copied: '已复制',
  },
};

const zhTW = {
  map: { title: '業主投票', none: '暫無公開的投票', deadline: '截止 {at}', initiator: '發起：{who}' },
  title: '業主共同決定投票公示', intro: '本區各小區業主共同決定的電子投票：公告、投票進度和已公佈的結果（按面積和人數計票，不顯示業主姓名）。',
  none: '暫無公開的投票', estate: '小區', initiator: '發起人', startsAt: '投票開始', endsAt: '投票截止', turnout: '已投票 {n} / {total} 人',
  turnoutOnly: '已投票 {n} 人', matterCount: '{n} 項表決事項', back: '返回投票公示', notFound: '沒有找到這個投票', matters: '表決事項',
  article: '民法典第二百七十八條第 {n} 項', result: '投票結果', resultNone: '結果公佈後在此公示。', outcomes: '各事項結果',
  status: { DRAFT: '草稿', NOTICED: '已公告', OPEN: '投票中', CLOSED: '已截止，待公佈', PUBLISHED: '結果已公佈', SUSPENDED: '已中止', CANCELLED: '已取消' },
  initiatorKind: { COMMITTEE: '業主委員會', COMPANY: '物業服務企業' },
  category: {
    RULES_OF_PROCEDURE: '制定和修改業主大會議事規則', COVENANT: '制定和修改管理規約', COMMITTEE: '選舉或更換業主委員會成員',
    PROPERTY_SERVICE: '選聘和解聘物業服務企業', FUND_USE: '使用維修資金', FUND_RAISE: '籌集維修資金', REBUILD: '改建、重建建築物及附屬設施',
    COMMON_PARTS_USE: '改變共有部分用途或利用共有部分經營', OTHER: '其他重大事項',
  },
  choice: { AGREE: '同意', DISAGREE: '反對', ABSTAIN: '棄權' },
  channel: { ONLINE: '網上投票', PAPER: '紙本選票' },
  outcome: { PASSED: '通過', FAILED: '未通過', NO_QUORUM: '參與不足，未通過' },
  tally: {
    electorate: '投票人 {heads} 人，專有部分面積 {area} ㎡', heads: '{n} 人', area: '{a} ㎡', quorum: '參與', pass: '同意', byArea: '按面積', byHeads: '按人數',
    rule: '（需{f}）', met: '達到', notMet: '未達到', deemed: '視為同意多數（單獨列示）：{heads} 人，{area} ㎡', deemedOff: '本小區議事規則未規定視為同意。',
    computedAt: '計票時間', hash: '結果摘要', counts: '同意 {agree} · 反對 {disagree} · 棄權 {abstain}',
  },
  receipt: {
    title: '核對投票回執', intro: '投票後收到的回執（64 位）可在此核對是否已計入，不顯示任何姓名。', label: '投票回執', check: '核對',
    counted: '該選票已計入（{channel}，{at}）。', superseded: '該回執對應的選票已被修改，未計入；請以修改後收到的新回執核對。',
    notCounted: '該選票未計入。', unknown: '沒有找到這個回執。', invalid: '回執為 64 位十六進制字元。',
  },
  my: {
    title: '我的投票', intro: '本人房屋所在小區的投票：查看公告、在投票期間投票，截止前可按投票規則修改選票。', none: '暫無投票',
    toCast: '去投票', toView: '查看', voted: '已投票', notVoted: '未投票',
  },
  cast: {
    back: '返回我的投票', choose: '請對每個事項選擇「同意」「反對」或「棄權」。', submit: '提交選票', change: '修改選票', done: '選票已提交，請保存回執。',
    receipts: '我的回執', receiptHint: '回執是選票的摘要，可在「投票公示」中核對是否已計入。', notElector: '您不在本投票的投票人名冊中（名冊在投票開始時按已核驗的產權登記凍結）。',
    notOpen: '現在不在投票期間。', final: '您已投票；本投票規定選票提交後不能修改。', changeAllowed: '截止前可修改選票', changeNotAllowed: '選票提交後不能修改',
    yours: '您的選擇', units: '房屋', area: '專有部分面積', paper: '紙本選票已由業主委員會錄入', missing: '請選擇', copy: '複製', copied: '已複製',
  },
};

const pt = {
  map: { title: 'Votações', none: 'Nenhuma votação pública', deadline: 'até {at}', initiator: 'promovida por: {who}' },
  title: 'Votações dos proprietários', intro: 'As votações eletrónicas dos condomínios da zona: convocatórias, participação e resultados divulgados (por área e por pessoas, sem nomes).',
  none: 'Nenhuma votação pública', estate: 'Condomínio', initiator: 'Promotor', startsAt: 'Início', endsAt: 'Fim', turnout: '{n} de {total} votaram',
  turnoutOnly: '{n} votaram', matterCount: '{n} assuntos', back: 'Voltar às votações', notFound: 'Votação não encontrada', matters: 'Assuntos',
  article: 'art. 278.º do Código Civil, alínea {n}', result: 'Resultado', resultNone: 'O resultado aparece aqui quando for divulgado.', outcomes: 'Resultado por assunto',
  status: { DRAFT: 'Rascunho', NOTICED: 'Convocada', OPEN: 'Em votação', CLOSED: 'Encerrada, por divulgar', PUBLISHED: 'Resultado divulgado', SUSPENDED: 'Suspensa', CANCELLED: 'Cancelada' },
  initiatorKind: { COMMITTEE: 'Comissão de proprietários', COMPANY: 'Empresa de administração' },
  category: {
    RULES_OF_PROCEDURE: 'Regimento da assembleia de proprietários', COVENANT: 'Regulamento do condomínio', COMMITTEE: 'Eleição ou substituição da comissão',
    PROPERTY_SERVICE: 'Contratação ou destituição da empresa de administração', FUND_USE: 'Utilização do fundo de manutenção',
    FUND_RAISE: 'Constituição do fundo de manutenção', REBUILD: 'Alteração ou reconstrução do edifício',
    COMMON_PARTS_USE: 'Alteração do uso ou exploração das partes comuns', OTHER: 'Outros assuntos relevantes',
  },
  choice: { AGREE: 'A favor', DISAGREE: 'Contra', ABSTAIN: 'Abstenção' },
  channel: { ONLINE: 'em linha', PAPER: 'boletim em papel' },
  outcome: { PASSED: 'Aprovado', FAILED: 'Rejeitado', NO_QUORUM: 'Sem quórum, rejeitado' },
  tally: {
    electorate: 'Inscritos: {heads} pessoas, área privativa {area} m²', heads: '{n} pessoas', area: '{a} m²', quorum: 'Participação', pass: 'A favor',
    byArea: 'por área', byHeads: 'por pessoas', rule: ' (exige {f})', met: 'atingido', notMet: 'não atingido',
    deemed: 'Ausentes contados com a maioria (à parte): {heads} pessoas, {area} m²', deemedOff: 'O regimento deste condomínio não prevê votos presumidos.',
    computedAt: 'Apurado em', hash: 'Resumo do resultado', counts: 'A favor {agree} · Contra {disagree} · Abstenção {abstain}',
  },
  receipt: {
    title: 'Verificar um recibo de voto', intro: 'O recibo (64 caracteres) recebido ao votar mostra aqui se o voto foi contado, sem qualquer nome.',
    label: 'Recibo do voto', check: 'Verificar', counted: 'Este voto foi contado ({channel}, {at}).',
    superseded: 'O voto deste recibo foi alterado e não conta; verifique o novo recibo recebido com a alteração.', notCounted: 'Este voto não foi contado.',
    unknown: 'Recibo desconhecido.', invalid: 'Um recibo tem 64 caracteres hexadecimais.',
  },
  my: {
    title: 'As minhas votações', intro: 'As votações dos condomínios das suas frações: a convocatória, o voto no período de votação e, se permitido, a alteração até ao fim.',
    none: 'Nenhuma votação', toCast: 'Votar', toView: 'Ver', voted: 'Votou', notVoted: 'Ainda não votou',
  },
  cast: {
    back: 'Voltar às minhas votações', choose: 'Escolha «A favor», «Contra» ou «Abstenção» em cada assunto.', submit: 'Enviar o voto', change: 'Alterar o voto',
    done: 'Voto registado: guarde os recibos.', receipts: 'Os meus recibos', receiptHint: 'O recibo é um resumo do voto; verifique em «Votações» se foi contado.',
    notElector: 'Não consta dos cadernos desta votação (fixados na abertura a partir dos títulos verificados).', notOpen: 'A votação não está aberta.',
    final: 'Já votou; nesta votação o voto não pode ser alterado.', changeAllowed: 'Voto alterável até ao fim', changeNotAllowed: 'Voto não alterável depois de enviado',
    yours: 'A sua escolha', units: 'Frações', area: 'Área privativa', paper: 'Boletim em papel registado pela comissão', missing: 'Escolha', copy: 'Copiar', copied: 'Copiado',
  },
};

const en = {
  map: { title: 'Votes', none: 'No public votes', deadline: 'ends {at}', initiator: 'started by: {who}' },
  title: "Owners' votes", intro: "The e-votes of the zone's estates: notices, turnout and published results (counted by area and by owners, no names).",
  none: 'No public votes', estate: 'Estate', initiator: 'Initiator', startsAt: 'Voting starts', endsAt: 'Voting ends', turnout: '{n} of {total} voted',
  turnoutOnly: '{n} voted', matterCount: '{n} matters', back: 'Back to the votes', notFound: 'No such vote', matters: 'Matters',
  article: 'Civil Code art. 278 item {n}', result: 'Result', resultNone: 'The result shows here once published.', outcomes: 'Outcome per matter',
  status: { DRAFT: 'Draft', NOTICED: 'Noticed', OPEN: 'Open', CLOSED: 'Closed, result to come', PUBLISHED: 'Result published', SUSPENDED: 'Suspended', CANCELLED: 'Cancelled' },
  initiatorKind: { COMMITTEE: "Owners' committee", COMPANY: 'Property company' },
  category: {
    RULES_OF_PROCEDURE: "Assembly's rules of procedure", COVENANT: 'Management covenant', COMMITTEE: "Electing or replacing the owners' committee",
    PROPERTY_SERVICE: 'Hiring or dismissing the property company', FUND_USE: 'Using the maintenance fund', FUND_RAISE: 'Raising the maintenance fund',
    REBUILD: 'Rebuilding the buildings or facilities', COMMON_PARTS_USE: 'Changing the use of common parts or running business on them', OTHER: 'Other major matters',
  },
  choice: { AGREE: 'Agree', DISAGREE: 'Disagree', ABSTAIN: 'Abstain' },
  channel: { ONLINE: 'online', PAPER: 'paper ballot' },
  outcome: { PASSED: 'Passed', FAILED: 'Failed', NO_QUORUM: 'No quorum, failed' },
  tally: {
    electorate: 'Electorate: {heads} owners, exclusive area {area} m²', heads: '{n} owners', area: '{a} m²', quorum: 'Turnout', pass: 'In favour',
    byArea: 'by area', byHeads: 'by owners', rule: ' (needs {f})', met: 'met', notMet: 'not met',
    deemed: 'Deemed with the majority (shown apart): {heads} owners, {area} m²', deemedOff: "This estate's assembly rules allow no deemed votes.",
    computedAt: 'Counted', hash: 'Result digest', counts: 'Agree {agree} · Disagree {disagree} · Abstain {abstain}',
  },
  receipt: {
    title: 'Check a ballot receipt', intro: 'The receipt (64 characters) you got when voting tells here whether your ballot was counted — no names shown.',
    label: 'Ballot receipt', check: 'Check', counted: 'This ballot was counted ({channel}, {at}).',
    superseded: 'The ballot of this receipt was changed and does not count; check the new receipt you got with the change.', notCounted: 'This ballot was not counted.',
    unknown: 'Unknown receipt.', invalid: 'A receipt is 64 hexadecimal characters.',
  },
  my: {
    title: 'My votes', intro: "The votes of your houses' estates: read the notice, vote while voting is open and, where the vote allows it, change your ballot until the end.",
    none: 'No votes', toCast: 'Vote', toView: 'View', voted: 'Voted', notVoted: 'Not voted yet',
  },
  cast: {
    back: 'Back to my votes', choose: 'Choose Agree, Disagree or Abstain on each matter.', submit: 'Cast my ballot', change: 'Change my ballot',
    done: 'Your ballot is cast: keep the receipts.', receipts: 'My receipts', receiptHint: "A receipt is a digest of your ballot; check it on the Votes page to see that it was counted.",
    notElector: 'You are not in this vote’s electorate (frozen from the verified titles when voting opened).', notOpen: 'Voting is not open.',
    final: 'You have voted; this vote does not allow changing a ballot.', changeAllowed: 'Ballots may change until the end', changeNotAllowed: 'Ballots are final once cast',
    yours: 'Your choice', units: 'Houses', area: 'Exclusive area', paper: "Paper ballot entered by the owners' committee", missing: 'Choose', copy: 'Copy', copied: 'Copied',
  },
};

export default { 'zh-CN': zhCN, 'zh-TW': zhTW, pt, en };
