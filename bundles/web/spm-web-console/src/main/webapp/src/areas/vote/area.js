// E-voting (issue 16, 电子投票: SVC-VOTE-1/2, COS-4, OCS-6; rules VOTE-1..8; docs/voting-contract.md): the votes in the
// caller's scope (regulator all, a committee its estate, a company its estates) with the status filter; a vote with its
// matters, the initiator's steps (notice, cancel, publish), the regulator's suspend/resume with a reason, the frozen
// electorate, the ballots and the committee's paper ballots with their scans, the result per matter (deemed votes apart)
// and its reproduction; the threshold table (rules as data).
export default {
  order: 49,
  menu: [
    { key: 'votes', path: '/votes', permission: 'vote:read' },
    { key: 'voteRules', path: '/votes/rules', permission: 'vote:rules' },
  ],
  routes: [
    { path: 'votes', name: 'votes', component: () => import('./VotesView.vue') },
    { path: 'votes/rules', name: 'vote-rules', component: () => import('./RulesView.vue') },
    { path: 'votes/:id(\\d+)', name: 'vote', component: () => import('./VoteDetailView.vue') },
  ],
  messages: {
    'zh-CN': {
      menu: { votes: '电子投票', voteRules: '表决规则' },
      vote: {
        title: '业主共同决定电子投票', allStatuses: '全部状态', statusLabel: '状态', search: '按标题查找', find: '查询', new: '发起投票',
        edit: '修改', empty: '没有投票', pageSize: '每页条数', back: '返回投票列表', cancel: '取消', save: '保存', remove: '删除', actions: '操作',
        send: '确定', yes: '是', no: '否',
        status: { DRAFT: '草稿', NOTICED: '已公告', OPEN: '投票中', CLOSED: '已截止', PUBLISHED: '结果已公布', SUSPENDED: '已中止', CANCELLED: '已取消' },
        category: {
          RULES_OF_PROCEDURE: '制定和修改业主大会议事规则', COVENANT: '制定和修改管理规约', COMMITTEE: '选举或更换业主委员会成员',
          PROPERTY_SERVICE: '选聘和解聘物业服务企业', FUND_USE: '使用维修资金', FUND_RAISE: '筹集维修资金', REBUILD: '改建、重建建筑物及附属设施',
          COMMON_PARTS_USE: '改变共有部分用途或利用共有部分经营', OTHER: '其他重大事项',
        },
        choice: { AGREE: '同意', DISAGREE: '反对', ABSTAIN: '弃权' },
        channel: { ONLINE: '网上投票', PAPER: '纸质选票' },
        outcome: { PASSED: '通过', FAILED: '未通过', NO_QUORUM: '参与不足' },
        initiatorKind: { COMMITTEE: '业主委员会', COMPANY: '物业服务企业' },
        unsoldRule: { EACH_HOUSE_ONE_HEAD: '未售房屋每套计一人', DEVELOPER_ONE_HEAD: '开发建设单位计一人', EXCLUDED: '未售房屋不计入' },
        electorKind: { OWNER: '业主', DEVELOPER: '开发建设单位', UNSOLD_HOUSE: '未售房屋' },
        field: {
          estate: '小区', title: '投票事项标题', description: '说明', initiator: '发起人', startsAt: '投票开始时间', endsAt: '投票截止时间',
          ballotChangeAllowed: '截止前可修改选票', deemedAllowed: '未投票视为同意多数（依议事规则）', unsoldRule: '未售房屋计票规则',
          noticedAt: '公告时间', openedAt: '开始投票', closedAt: '截止', publishedAt: '结果公布时间', reason: '理由', suspendedFrom: '中止前状态',
          electorHeads: '业主总人数', electorArea: '专有部分总面积', participatingHeads: '已投票人数', createdBy: '创建账号', matters: '表决事项',
        },
        matter: {
          seq: '序号', title: '事项', category: '类别（民法典第二百七十八条）', description: '说明', add: '增加表决事项', rule: '表决规则',
          article: '第 {n} 项', quorum: '参与：面积和人数均{f}', pass: '通过：参与面积和人数均{f}',
        },
        action: {
          notice: '发布公告', cancel: '取消投票', publish: '公布结果', suspend: '中止投票', resume: '恢复投票', reason: '理由（必填）',
          noticeHint: '公告须至少在投票开始前 15 日发布（VOTE-8）：开始时间早于此将被拒绝。',
          noticeConfirm: '发布公告后将以短信和站内消息通知本小区已核验业主，投票事项不能再修改。',
          suspendedHint: '监管部门已中止本投票：{reason}',
        },
        events: {
          title: '操作记录', action: '操作', from: '原状态', to: '新状态', actor: '账号', at: '时间', reason: '理由', none: '没有记录',
          name: { CREATE: '创建', UPDATE: '修改', NOTICE: '发布公告', OPEN: '开始投票', CLOSE: '截止投票', PUBLISH: '公布结果', CANCEL: '取消', SUSPEND: '中止', RESUME: '恢复' },
        },
        electorate: {
          title: '投票人名册（开始投票时冻结）', key: '投票人编号', kind: '类别', units: '房屋', area: '专有部分面积', heads: '人数', voted: '已投票',
          search: '按房屋编号查找', all: '全部', votedYes: '已投票', votedNo: '未投票', summary: '共 {heads} 人，专有部分面积 {area}',
          unverified: '未核验产权的房屋 {n} 套，不计入', notYet: '投票开始时冻结投票人名册。',
        },
        ballots: {
          title: '选票', matter: '事项', choice: '表决意见', channel: '方式', castAt: '投票时间', receipt: '回执', scan: '扫描件', none: '没有选票',
          allMatters: '全部事项', allChannels: '全部方式', paper: '录入纸质选票', paperTitle: '录入纸质选票（须附扫描件）', electorKey: '投票人编号',
          scanFiles: '纸质选票扫描件', upload: '上传扫描件', paperHint: '纸质选票按投票人编号录入，标记为纸质，须上传选票扫描件（PDF、JPEG 或 PNG）。',
          saved: '纸质选票已录入：{n} 个事项', pickElector: '选择投票人',
        },
        result: {
          title: '投票结果', computedAt: '计票时间', hash: '结果摘要（SHA-256）', verify: '按选票重新计算核对', matches: '重新计算结果与存档一致（{n} 张选票）',
          mismatch: '重新计算结果与存档不一致！', agree: '同意', disagree: '反对', abstain: '弃权', participating: '参与', deemed: '视为同意多数（单独列示）',
          quorum: '参与（法定 {f}）', passArea: '同意面积比例', passHeads: '同意人数比例', quorumArea: '参与面积比例', quorumHeads: '参与人数比例',
          outcome: '结果', heads: '人', area: '面积', none: '投票截止后计票', electorate: '投票人：{heads} 人，专有部分面积 {area}',
          deemedOff: '本小区议事规则未规定视为同意，未计视为票。', met: '达到', notMet: '未达到', matter: '事项',
        },
        settings: {
          title: '本小区业主大会议事规则', deemedAllowed: '未投票业主视为同意多数', basis: '议事规则条款', edit: '修改', never: '尚未设置',
          basisHint: '允许视为同意时须写明议事规则的条款（VOTE-7）。',
        },
        rules: {
          title: '表决规则（民法典第二百七十八条）', category: '事项类别', quorum: '参与条件', pass: '通过条件', numerator: '分子', denominator: '分母',
          comparison: '比较', GE: '以上（≥）', GT: '过半数（>）', hint: '只能比法律规定更严格：参与不少于 2/3，第六至八项不少于 3/4，其他事项过半数。',
        },
      },
    },
    'zh-TW': {
      menu: { votes: '電子投票', voteRules: '表決規則' },
      vote: {
        title: '業主共同決定電子投票', allStatuses: '全部狀態', statusLabel: '狀態', search: '按標題查找', find: '查詢', new: '發起投票',
        edit: '修改', empty: '沒有投票', pageSize: '每頁條數', back: '返回投票列表', cancel: '取消', save: '儲存', remove: '刪除', actions: '操作',
        send: '確定', yes: '是', no: '否',
        status: { DRAFT: '草稿', NOTICED: '已公告', OPEN: '投票中', CLOSED: '已截止', PUBLISHED: '結果已公佈', SUSPENDED: '已中止', CANCELLED: '已取消' },
        category: {
          RULES_OF_PROCEDURE: '制定和修改業主大會議事規則', COVENANT: '制定和修改管理規約', COMMITTEE: '選舉或更換業主委員會成員',
          PROPERTY_SERVICE: '選聘和解聘物業服務企業', FUND_USE: '使用維修資金', FUND_RAISE: '籌集維修資金', REBUILD: '改建、重建建築物及附屬設施',
          COMMON_PARTS_USE: '改變共有部分用途或利用共有部分經營', OTHER: '其他重大事項',
        },
        choice: { AGREE: '同意', DISAGREE: '反對', ABSTAIN: '棄權' },
        channel: { ONLINE: '網上投票', PAPER: '紙本選票' },
        outcome: { PASSED: '通過', FAILED: '未通過', NO_QUORUM: '參與不足' },
        initiatorKind: { COMMITTEE: '業主委員會', COMPANY: '物業服務企業' },
        unsoldRule: { EACH_HOUSE_ONE_HEAD: '未售房屋每套計一人', DEVELOPER_ONE_HEAD: '開發建設單位計一人', EXCLUDED: '未售房屋不計入' },
        electorKind: { OWNER: '業主', DEVELOPER: '開發建設單位', UNSOLD_HOUSE: '未售房屋' },
        field: {
          estate: '小區', title: '投票事項標題', description: '說明', initiator: '發起人', startsAt: '投票開始時間', endsAt: '投票截止時間',
          ballotChangeAllowed: '截止前可修改選票', deemedAllowed: '未投票視為同意多數（依議事規則）', unsoldRule: '未售房屋計票規則',
          noticedAt: '公告時間', openedAt: '開始投票', closedAt: '截止', publishedAt: '結果公佈時間', reason: '理由', suspendedFrom: '中止前狀態',
          electorHeads: '業主總人數', electorArea: '專有部分總面積', participatingHeads: '已投票人數', createdBy: '建立帳號', matters: '表決事項',
        },
        matter: {
          seq: '序號', title: '事項', category: '類別（民法典第二百七十八條）', description: '說明', add: '增加表決事項', rule: '表決規則',
          article: '第 {n} 項', quorum: '參與：面積和人數均{f}', pass: '通過：參與面積和人數均{f}',
        },
        action: {
          notice: '發佈公告', cancel: '取消投票', publish: '公佈結果', suspend: '中止投票', resume: '恢復投票', reason: '理由（必填）',
          noticeHint: '公告須至少在投票開始前 15 日發佈（VOTE-8）：開始時間早於此將被拒絕。',
          noticeConfirm: '發佈公告後將以短訊和站內訊息通知本小區已核驗業主，投票事項不能再修改。',
          suspendedHint: '監管部門已中止本投票：{reason}',
        },
        events: {
          title: '操作記錄', action: '操作', from: '原狀態', to: '新狀態', actor: '帳號', at: '時間', reason: '理由', none: '沒有記錄',
          name: { CREATE: '建立', UPDATE: '修改', NOTICE: '發佈公告', OPEN: '開始投票', CLOSE: '截止投票', PUBLISH: '公佈結果', CANCEL: '取消', SUSPEND: '中止', RESUME: '恢復' },
        },
        electorate: {
          title: '投票人名冊（開始投票時凍結）', key: '投票人編號', kind: '類別', units: '房屋', area: '專有部分面積', heads: '人數', voted: '已投票',
          search: '按房屋編號查找', all: '全部', votedYes: '已投票', votedNo: '未投票', summary: '共 {heads} 人，專有部分面積 {area}',
          unverified: '未核驗產權的房屋 {n} 套，不計入', notYet: '投票開始時凍結投票人名冊。',
        },
        ballots: {
          title: '選票', matter: '事項', choice: '表決意見', channel: '方式', castAt: '投票時間', receipt: '回執', scan: '掃描件', none: '沒有選票',
          allMatters: '全部事項', allChannels: '全部方式', paper: '錄入紙本選票', paperTitle: '錄入紙本選票（須附掃描件）', electorKey: '投票人編號',
          scanFiles: '紙本選票掃描件', upload: '上傳掃描件', paperHint: '紙本選票按投票人編號錄入，標記為紙本，須上傳選票掃描件（PDF、JPEG 或 PNG）。',
          saved: '紙本選票已錄入：{n} 個事項', pickElector: '選擇投票人',
        },
        result: {
          title: '投票結果', computedAt: '計票時間', hash: '結果摘要（SHA-256）', verify: '按選票重新計算核對', matches: '重新計算結果與存檔一致（{n} 張選票）',
          mismatch: '重新計算結果與存檔不一致！', agree: '同意', disagree: '反對', abstain: '棄權', participating: '參與', deemed: '視為同意多數（單獨列示）',
          quorum: '參與（法定 {f}）', passArea: '同意面積比例', passHeads: '同意人數比例', quorumArea: '參與面積比例', quorumHeads: '參與人數比例',
          outcome: '結果', heads: '人', area: '面積', none: '投票截止後計票', electorate: '投票人：{heads} 人，專有部分面積 {area}',
          deemedOff: '本小區議事規則未規定視為同意，未計視為票。', met: '達到', notMet: '未達到', matter: '事項',
        },
        settings: {
          title: '本小區業主大會議事規則', deemedAllowed: '未投票業主視為同意多數', basis: '議事規則條款', edit: '修改', never: '尚未設定',
          basisHint: '允許視為同意時須寫明議事規則的條款（VOTE-7）。',
        },
        rules: {
          title: '表決規則（民法典第二百七十八條）', category: '事項類別', quorum: '參與條件', pass: '通過條件', numerator: '分子', denominator: '分母',
          comparison: '比較', GE: '以上（≥）', GT: '過半數（>）', hint: '只能比法律規定更嚴格：參與不少於 2/3，第六至八項不少於 3/4，其他事項過半數。',
        },
      },
    },
    pt: {
      menu: { votes: 'Votações eletrónicas', voteRules: 'Regras de deliberação' },
      vote: {
        title: 'Votações eletrónicas dos proprietários', allStatuses: 'Todos os estados', statusLabel: 'Estado', search: 'Procurar pelo título', find: 'Procurar',
        new: 'Nova votação', edit: 'Alterar', empty: 'Nenhuma votação', pageSize: 'Linhas por página', back: 'Voltar às votações', cancel: 'Cancelar',
        save: 'Guardar', remove: 'Retirar', actions: 'Ações', send: 'Confirmar', yes: 'Sim', no: 'Não',
        status: { DRAFT: 'Rascunho', NOTICED: 'Convocada', OPEN: 'Em votação', CLOSED: 'Encerrada', PUBLISHED: 'Resultado divulgado', SUSPENDED: 'Suspensa', CANCELLED: 'Cancelada' },
        category: {
          RULES_OF_PROCEDURE: 'Regimento da assembleia de proprietários', COVENANT: 'Regulamento do condomínio', COMMITTEE: 'Eleição ou substituição da comissão',
          PROPERTY_SERVICE: 'Contratação ou destituição da empresa de administração', FUND_USE: 'Utilização do fundo de manutenção',
          FUND_RAISE: 'Constituição do fundo de manutenção', REBUILD: 'Alteração ou reconstrução do edifício',
          COMMON_PARTS_USE: 'Alteração do uso ou exploração das partes comuns', OTHER: 'Outros assuntos relevantes',
        },
        choice: { AGREE: 'A favor', DISAGREE: 'Contra', ABSTAIN: 'Abstenção' },
        channel: { ONLINE: 'Em linha', PAPER: 'Boletim em papel' },
        outcome: { PASSED: 'Aprovado', FAILED: 'Rejeitado', NO_QUORUM: 'Sem quórum' },
        initiatorKind: { COMMITTEE: 'Comissão de proprietários', COMPANY: 'Empresa de administração' },
        unsoldRule: { EACH_HOUSE_ONE_HEAD: 'Cada fração por vender conta um', DEVELOPER_ONE_HEAD: 'O promotor conta um', EXCLUDED: 'Frações por vender excluídas' },
        electorKind: { OWNER: 'Proprietário', DEVELOPER: 'Promotor', UNSOLD_HOUSE: 'Fração por vender' },
        field: {
          estate: 'Condomínio', title: 'Título', description: 'Descrição', initiator: 'Promotor da votação', startsAt: 'Início da votação', endsAt: 'Fim da votação',
          ballotChangeAllowed: 'Voto alterável até ao fim', deemedAllowed: 'Ausentes contam com a maioria (regimento)', unsoldRule: 'Regra das frações por vender',
          noticedAt: 'Convocada em', openedAt: 'Aberta em', closedAt: 'Encerrada em', publishedAt: 'Resultado divulgado em', reason: 'Fundamento',
          suspendedFrom: 'Estado antes da suspensão', electorHeads: 'Proprietários', electorArea: 'Área privativa total', participatingHeads: 'Votantes',
          createdBy: 'Criada pela conta', matters: 'Assuntos',
        },
        matter: {
          seq: 'N.º', title: 'Assunto', category: 'Categoria (art. 278.º do Código Civil)', description: 'Descrição', add: 'Acrescentar um assunto',
          rule: 'Regra', article: 'alínea {n}', quorum: 'Participação: área e pessoas {f}', pass: 'Aprovação: área e pessoas votantes {f}',
        },
        action: {
          notice: 'Publicar a convocatória', cancel: 'Cancelar a votação', publish: 'Divulgar o resultado', suspend: 'Suspender', resume: 'Retomar',
          reason: 'Fundamento (obrigatório)',
          noticeHint: 'A convocatória é publicada pelo menos 15 dias antes do início da votação (VOTE-8); um início mais cedo é recusado.',
          noticeConfirm: 'Os proprietários verificados do condomínio são avisados por SMS e mensagem; os assuntos deixam de poder ser alterados.',
          suspendedHint: 'A entidade reguladora suspendeu esta votação: {reason}',
        },
        events: {
          title: 'Histórico', action: 'Ação', from: 'De', to: 'Para', actor: 'Conta', at: 'Data', reason: 'Fundamento', none: 'Sem histórico',
          name: { CREATE: 'Criada', UPDATE: 'Alterada', NOTICE: 'Convocada', OPEN: 'Aberta', CLOSE: 'Encerrada', PUBLISH: 'Resultado divulgado', CANCEL: 'Cancelada', SUSPEND: 'Suspensa', RESUME: 'Retomada' },
        },
        electorate: {
          title: 'Cadernos eleitorais (fixados na abertura)', key: 'N.º do votante', kind: 'Tipo', units: 'Frações', area: 'Área privativa', heads: 'Pessoas',
          voted: 'Votou', search: 'Procurar pela fração', all: 'Todos', votedYes: 'Votaram', votedNo: 'Não votaram',
          summary: '{heads} pessoas, área privativa {area}', unverified: '{n} frações sem título verificado não contam', notYet: 'Os cadernos são fixados quando a votação abre.',
        },
        ballots: {
          title: 'Votos', matter: 'Assunto', choice: 'Sentido', channel: 'Meio', castAt: 'Data', receipt: 'Recibo', scan: 'Digitalização', none: 'Sem votos',
          allMatters: 'Todos os assuntos', allChannels: 'Todos os meios', paper: 'Registar boletim em papel', paperTitle: 'Boletim em papel (com digitalização)',
          electorKey: 'N.º do votante', scanFiles: 'Digitalização do boletim', upload: 'Carregar a digitalização',
          paperHint: 'O boletim em papel é registado pelo n.º do votante, marcado como papel, com a digitalização (PDF, JPEG ou PNG).',
          saved: 'Boletim registado: {n} assuntos', pickElector: 'Escolher o votante',
        },
        result: {
          title: 'Resultado', computedAt: 'Apurado em', hash: 'Resumo do resultado (SHA-256)', verify: 'Recalcular a partir dos votos',
          matches: 'O recálculo coincide com o resultado guardado ({n} votos)', mismatch: 'O recálculo NÃO coincide com o resultado guardado!',
          agree: 'A favor', disagree: 'Contra', abstain: 'Abstenção', participating: 'Votantes', deemed: 'Ausentes contados com a maioria (à parte)',
          quorum: 'Participação (mínimo {f})', passArea: 'Área a favor', passHeads: 'Pessoas a favor', quorumArea: 'Área votante', quorumHeads: 'Pessoas votantes',
          outcome: 'Resultado', heads: 'pessoas', area: 'área', none: 'O resultado é apurado no fim da votação',
          electorate: 'Votantes inscritos: {heads} pessoas, área privativa {area}',
          deemedOff: 'O regimento deste condomínio não prevê votos presumidos; nenhum foi contado.', met: 'atingido', notMet: 'não atingido', matter: 'Assunto',
        },
        settings: {
          title: 'Regimento da assembleia deste condomínio', deemedAllowed: 'Ausentes contam com a maioria', basis: 'Disposição do regimento', edit: 'Alterar',
          never: 'Ainda não definido', basisHint: 'Se os votos presumidos forem admitidos, indique a disposição do regimento (VOTE-7).',
        },
        rules: {
          title: 'Regras de deliberação (art. 278.º do Código Civil)', category: 'Categoria', quorum: 'Participação', pass: 'Aprovação', numerator: 'Numerador',
          denominator: 'Denominador', comparison: 'Comparação', GE: 'pelo menos (≥)', GT: 'mais de (>)',
          hint: 'Só podem ser mais exigentes do que a lei: participação de pelo menos 2/3; alíneas 6 a 8 pelo menos 3/4; as outras mais de metade.',
        },
      },
    },
    en: {
      menu: { votes: 'E-voting', voteRules: 'Voting rules' },
      vote: {
        title: "Owners' e-voting", allStatuses: 'All statuses', statusLabel: 'Status', search: 'Find by title', find: 'Find', new: 'New vote', edit: 'Edit',
        empty: 'No votes', pageSize: 'Rows per page', back: 'Back to the votes', cancel: 'Cancel', save: 'Save', remove: 'Remove', actions: 'Actions',
        send: 'Confirm', yes: 'Yes', no: 'No',
        status: { DRAFT: 'Draft', NOTICED: 'Noticed', OPEN: 'Open', CLOSED: 'Closed', PUBLISHED: 'Result published', SUSPENDED: 'Suspended', CANCELLED: 'Cancelled' },
        category: {
          RULES_OF_PROCEDURE: "Assembly's rules of procedure", COVENANT: 'Management covenant', COMMITTEE: "Electing or replacing the owners' committee",
          PROPERTY_SERVICE: 'Hiring or dismissing the property company', FUND_USE: 'Using the maintenance fund', FUND_RAISE: 'Raising the maintenance fund',
          REBUILD: 'Rebuilding the buildings or facilities', COMMON_PARTS_USE: 'Changing the use of common parts or running business on them', OTHER: 'Other major matters',
        },
        choice: { AGREE: 'Agree', DISAGREE: 'Disagree', ABSTAIN: 'Abstain' },
        channel: { ONLINE: 'Online', PAPER: 'Paper ballot' },
        outcome: { PASSED: 'Passed', FAILED: 'Failed', NO_QUORUM: 'No quorum' },
        initiatorKind: { COMMITTEE: "Owners' committee", COMPANY: 'Property company' },
        unsoldRule: { EACH_HOUSE_ONE_HEAD: 'Each unsold house counts one', DEVELOPER_ONE_HEAD: 'The developer counts one', EXCLUDED: 'Unsold houses excluded' },
        electorKind: { OWNER: 'Owner', DEVELOPER: 'Developer', UNSOLD_HOUSE: 'Unsold house' },
        field: {
          estate: 'Estate', title: 'Title', description: 'Description', initiator: 'Initiator', startsAt: 'Voting starts', endsAt: 'Voting ends',
          ballotChangeAllowed: 'Ballots may change until the end', deemedAllowed: 'Non-voters counted with the majority (assembly rules)',
          unsoldRule: 'Unsold houses rule', noticedAt: 'Noticed', openedAt: 'Opened', closedAt: 'Closed', publishedAt: 'Result published', reason: 'Reason',
          suspendedFrom: 'Status before the suspension', electorHeads: 'Owners', electorArea: 'Total exclusive area', participatingHeads: 'Voted',
          createdBy: 'Created by', matters: 'Matters',
        },
        matter: {
          seq: 'No.', title: 'Matter', category: 'Category (Civil Code art. 278)', description: 'Description', add: 'Add a matter', rule: 'Rule',
          article: 'item {n}', quorum: 'Quorum: area and owners {f}', pass: 'Passes: participating area and owners {f}',
        },
        action: {
          notice: 'Publish the notice', cancel: 'Cancel the vote', publish: 'Publish the result', suspend: 'Suspend', resume: 'Resume', reason: 'Reason (required)',
          noticeHint: 'The notice comes at least 15 days before voting starts (VOTE-8); an earlier start is refused.',
          noticeConfirm: "The estate's verified owners are told by SMS and in-app notice; the matters can no longer change.",
          suspendedHint: 'The regulator suspended this vote: {reason}',
        },
        events: {
          title: 'History', action: 'Action', from: 'From', to: 'To', actor: 'Account', at: 'At', reason: 'Reason', none: 'No history',
          name: { CREATE: 'Created', UPDATE: 'Edited', NOTICE: 'Noticed', OPEN: 'Opened', CLOSE: 'Closed', PUBLISH: 'Published', CANCEL: 'Cancelled', SUSPEND: 'Suspended', RESUME: 'Resumed' },
        },
        electorate: {
          title: 'Electorate (frozen when voting opens)', key: 'Elector', kind: 'Kind', units: 'Houses', area: 'Exclusive area', heads: 'Heads', voted: 'Voted',
          search: 'Find by house code', all: 'All', votedYes: 'Voted', votedNo: 'Not voted', summary: '{heads} owners, exclusive area {area}',
          unverified: '{n} houses without a verified title are not counted', notYet: 'The electorate is frozen when voting opens.',
        },
        ballots: {
          title: 'Ballots', matter: 'Matter', choice: 'Choice', channel: 'Channel', castAt: 'Cast', receipt: 'Receipt', scan: 'Scan', none: 'No ballots',
          allMatters: 'All matters', allChannels: 'All channels', paper: 'Enter a paper ballot', paperTitle: 'Paper ballot (with its scan)', electorKey: 'Elector',
          scanFiles: 'Scan of the paper ballot', upload: 'Upload the scan',
          paperHint: 'A paper ballot is entered for an elector, marked as paper, with the scan of the ballot (PDF, JPEG or PNG).',
          saved: 'Paper ballot entered: {n} matters', pickElector: 'Choose the elector',
        },
        result: {
          title: 'Result', computedAt: 'Counted', hash: 'Result digest (SHA-256)', verify: 'Recompute from the ballots', matches: 'The recount matches the stored result ({n} ballots)',
          mismatch: 'The recount does NOT match the stored result!', agree: 'Agree', disagree: 'Disagree', abstain: 'Abstain', participating: 'Participating',
          deemed: 'Deemed with the majority (shown apart)', quorum: 'Quorum ({f})', passArea: 'Area in favour', passHeads: 'Owners in favour',
          quorumArea: 'Participating area', quorumHeads: 'Participating owners', outcome: 'Outcome', heads: 'owners', area: 'area',
          none: 'Counted when voting ends', electorate: 'Electorate: {heads} owners, exclusive area {area}',
          deemedOff: "This estate's assembly rules allow no deemed votes; none were counted.", met: 'met', notMet: 'not met', matter: 'Matter',
        },
        settings: {
          title: "This estate's assembly rules", deemedAllowed: 'Non-voters counted with the majority', basis: 'Clause of the assembly rules', edit: 'Edit',
          never: 'Not set yet', basisHint: 'When deemed votes are allowed, name the clause of the assembly rules (VOTE-7).',
        },
        rules: {
          title: 'Voting rules (Civil Code art. 278)', category: 'Category', quorum: 'Quorum', pass: 'Passes with', numerator: 'Numerator', denominator: 'Denominator',
          comparison: 'Comparison', GE: 'at least (≥)', GT: 'more than (>)',
          hint: 'Only stricter than the law: quorum at least 2/3; items 6–8 at least 3/4; the others more than half.',
        },
      },
    },
  },
};
