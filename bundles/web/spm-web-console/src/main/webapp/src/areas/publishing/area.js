// Publishing (issue 16 part 3, 信息发布): the regulator keeps the policy library (PUB-1) and its notices, zone-wide or to
// chosen estates, and reviews what companies and committees submit (COS-9); a company or committee publishes its own
// estates' notices (rules, water and power cuts with their time window, MAP-7), scheduled and with an expiry.
const zhCN = {
  menu: { publishingNotices: '通知公告', publishingPolicies: '政策法规' },
  publishing: {
    actions: '操作', cancel: '取消', save: '保存', empty: '没有记录', pageSize: '每页条数', back: '返回', find: '查询',
    allStatuses: '全部状态', allCategories: '全部类别', allLevels: '全部层级', reviewQueue: '待我审核',
    status: { DRAFT: '草稿', SUBMITTED: '待审核', RETURNED: '已退回', SCHEDULED: '待发布', PUBLISHED: '已发布', EXPIRED: '已失效', WITHDRAWN: '已撤回' },
    publisher: { REGULATOR: '监管部门', COMPANY: '物业服务企业', COMMITTEE: '业主委员会' },
    level: { NATIONAL: '国家', PROVINCIAL: '省级', CITY: '市级', ZONE: '合作区' },
    notice: {
      title: '通知公告', new: '发布通知', edit: '修改通知', field: {
        title: '标题', body: '正文', category: '类别', estates: '小区', zoneWide: '全区（不选小区）', urgent: '紧急（短信通知业主）',
        windowStart: '开始时间', windowEnd: '结束时间', publishAt: '定时发布（空为立即）', expireAt: '失效时间', publisher: '发布方',
        publishedAt: '发布时间', attachments: '附件', reason: '退回原因', status: '状态',
      },
      submit: '提交发布', approve: '审核通过', return: '退回', withdraw: '撤回', returnTitle: '退回通知公告', reasonRequired: '退回原因（必填）',
      reviewHint: '该类别的公告须经监管部门审核后发布', history: '审核记录', window: '时间段', open: '查看', created: '已保存为草稿',
      noPublisher: '此账号不能发布通知公告',
    },
    policy: {
      title: '政策法规', new: '新增政策法规', edit: '修改政策法规', search: '标题、文号或正文关键词', field: {
        title: '标题', level: '层级', issuer: '发布机关', docNumber: '文号', effectiveDate: '施行日期', repealDate: '废止日期',
        summary: '摘要', fullText: '全文', status: '状态', attachments: '附件',
      },
      publish: '发布', withdraw: '撤回', repealed: '已废止',
    },
    history: { SUBMIT: '提交', RESUBMIT: '重新提交', APPROVE: '通过', RETURN: '退回' },
    upload: '选择附件文件（PDF、JPEG、PNG）',
  },
};
const zhTW = {
  menu: { publishingNotices: '通知公告', publishingPolicies: '政策法規' },
  publishing: {
    actions: '操作', cancel: '取消', save: '儲存', empty: '沒有記錄', pageSize: '每頁條數', back: '返回', find: '查詢',
    allStatuses: '全部狀態', allCategories: '全部類別', allLevels: '全部層級', reviewQueue: '待我審核',
    status: { DRAFT: '草稿', SUBMITTED: '待審核', RETURNED: '已退回', SCHEDULED: '待發佈', PUBLISHED: '已發佈', EXPIRED: '已失效', WITHDRAWN: '已撤回' },
    publisher: { REGULATOR: '監管部門', COMPANY: '物業服務企業', COMMITTEE: '業主委員會' },
    level: { NATIONAL: '國家', PROVINCIAL: '省級', CITY: '市級', ZONE: '合作區' },
    notice: {
      title: '通知公告', new: '發佈通知', edit: '修改通知', field: {
        title: '標題', body: '正文', category: '類別', estates: '屋苑', zoneWide: '全區（不選屋苑）', urgent: '緊急（短訊通知業主）',
        windowStart: '開始時間', windowEnd: '結束時間', publishAt: '定時發佈（空為立即）', expireAt: '失效時間', publisher: '發佈方',
        publishedAt: '發佈時間', attachments: '附件', reason: '退回原因', status: '狀態',
      },
      submit: '提交發佈', approve: '審核通過', return: '退回', withdraw: '撤回', returnTitle: '退回通知公告', reasonRequired: '退回原因（必填）',
      reviewHint: '該類別的公告須經監管部門審核後發佈', history: '審核記錄', window: '時間段', open: '查看', created: '已儲存為草稿',
      noPublisher: '此帳戶不能發佈通知公告',
    },
    policy: {
      title: '政策法規', new: '新增政策法規', edit: '修改政策法規', search: '標題、文號或正文關鍵詞', field: {
        title: '標題', level: '層級', issuer: '發佈機關', docNumber: '文號', effectiveDate: '施行日期', repealDate: '廢止日期',
        summary: '摘要', fullText: '全文', status: '狀態', attachments: '附件',
      },
      publish: '發佈', withdraw: '撤回', repealed: '已廢止',
    },
    history: { SUBMIT: '提交', RESUBMIT: '重新提交', APPROVE: '通過', RETURN: '退回' },
    upload: '選擇附件檔案（PDF、JPEG、PNG）',
  },
};
const pt = {
  menu: { publishingNotices: 'Avisos', publishingPolicies: 'Diplomas legais' },
  publishing: {
    actions: 'Ações', cancel: 'Cancelar', save: 'Guardar', empty: 'Sem registos', pageSize: 'Linhas por página', back: 'Voltar', find: 'Procurar',
    allStatuses: 'Todos os estados', allCategories: 'Todas as categorias', allLevels: 'Todos os níveis', reviewQueue: 'Por apreciar',
    status: { DRAFT: 'Rascunho', SUBMITTED: 'Em apreciação', RETURNED: 'Devolvido', SCHEDULED: 'Agendado', PUBLISHED: 'Publicado', EXPIRED: 'Caducado', WITHDRAWN: 'Retirado' },
    publisher: { REGULATOR: 'Regulador', COMPANY: 'Empresa de administração', COMMITTEE: 'Comissão de proprietários' },
    level: { NATIONAL: 'Nacional', PROVINCIAL: 'Provincial', CITY: 'Municipal', ZONE: 'Zona de Cooperação' },
    notice: {
      title: 'Avisos', new: 'Publicar aviso', edit: 'Alterar aviso', field: {
        title: 'Título', body: 'Texto', category: 'Categoria', estates: 'Condomínios', zoneWide: 'Toda a zona (sem condomínio)',
        urgent: 'Urgente (SMS aos proprietários)', windowStart: 'Início', windowEnd: 'Fim', publishAt: 'Publicar em (vazio = já)',
        expireAt: 'Caduca em', publisher: 'Publicado por', publishedAt: 'Publicado em', attachments: 'Anexos', reason: 'Motivo da devolução', status: 'Estado',
      },
      submit: 'Publicar', approve: 'Aprovar', return: 'Devolver', withdraw: 'Retirar', returnTitle: 'Devolver o aviso', reasonRequired: 'Motivo (obrigatório)',
      reviewHint: 'Os avisos desta categoria são apreciados pelo regulador antes da publicação', history: 'Histórico da apreciação', window: 'Período',
      open: 'Ver', created: 'Guardado como rascunho', noPublisher: 'Esta conta não pode publicar avisos',
    },
    policy: {
      title: 'Diplomas legais', new: 'Novo diploma legal', edit: 'Alterar diploma legal', search: 'Palavras do título, número ou texto', field: {
        title: 'Título', level: 'Nível', issuer: 'Entidade emissora', docNumber: 'Número', effectiveDate: 'Entrada em vigor', repealDate: 'Revogação',
        summary: 'Resumo', fullText: 'Texto integral', status: 'Estado', attachments: 'Anexos',
      },
      publish: 'Publicar', withdraw: 'Retirar', repealed: 'Revogado',
    },
    history: { SUBMIT: 'Apresentado', RESUBMIT: 'Apresentado de novo', APPROVE: 'Aprovado', RETURN: 'Devolvido' },
    upload: 'Escolher ficheiros anexos (PDF, JPEG, PNG)',
  },
};
const en = {
  menu: { publishingNotices: 'Notices', publishingPolicies: 'Policies' },
  publishing: {
    actions: 'Actions', cancel: 'Cancel', save: 'Save', empty: 'No records', pageSize: 'Rows per page', back: 'Back', find: 'Find',
    allStatuses: 'All statuses', allCategories: 'All categories', allLevels: 'All levels', reviewQueue: 'To review',
    status: { DRAFT: 'Draft', SUBMITTED: 'Awaiting review', RETURNED: 'Returned', SCHEDULED: 'Scheduled', PUBLISHED: 'Published', EXPIRED: 'Expired', WITHDRAWN: 'Withdrawn' },
    publisher: { REGULATOR: 'Regulator', COMPANY: 'Property company', COMMITTEE: 'Owners\' committee' },
    level: { NATIONAL: 'National', PROVINCIAL: 'Provincial', CITY: 'City', ZONE: 'Zone' },
    notice: {
      title: 'Notices', new: 'New notice', edit: 'Edit notice', field: {
        title: 'Title', body: 'Text', category: 'Category', estates: 'Estates', zoneWide: 'Zone-wide (no estate)', urgent: 'Urgent (SMS to owners)',
        windowStart: 'Start', windowEnd: 'End', publishAt: 'Publish at (empty = now)', expireAt: 'Expires at', publisher: 'Publisher',
        publishedAt: 'Published', attachments: 'Attachments', reason: 'Reason for return', status: 'Status',
      },
      submit: 'Publish', approve: 'Approve', return: 'Return', withdraw: 'Withdraw', returnTitle: 'Return the notice', reasonRequired: 'Reason (required)',
      reviewHint: 'Notices of this category are reviewed by the regulator before publication', history: 'Review history', window: 'Time window',
      open: 'Open', created: 'Saved as a draft', noPublisher: 'This account cannot publish notices',
    },
    policy: {
      title: 'Policies', new: 'New policy', edit: 'Edit policy', search: 'Words of the title, number or text', field: {
        title: 'Title', level: 'Level', issuer: 'Issuer', docNumber: 'Number', effectiveDate: 'Effective', repealDate: 'Repealed on',
        summary: 'Summary', fullText: 'Full text', status: 'Status', attachments: 'Attachments',
      },
      publish: 'Publish', withdraw: 'Withdraw', repealed: 'Repealed',
    },
    history: { SUBMIT: 'Submitted', RESUBMIT: 'Resubmitted', APPROVE: 'Approved', RETURN: 'Returned' },
    upload: 'Choose attachment files (PDF, JPEG, PNG)',
  },
};

export default {
  order: 75,
  menu: [
    { key: 'publishingNotices', path: '/publishing/notices', permission: 'publishing:read' },
    { key: 'publishingPolicies', path: '/publishing/policies', permission: 'publishing:manage' },
  ],
  routes: [
    { path: 'publishing/notices', name: 'publishing-notices', component: () => import('./NoticesView.vue') },
    { path: 'publishing/notices/:id', name: 'publishing-notice', component: () => import('./NoticeDetailView.vue') },
    { path: 'publishing/policies', name: 'publishing-policies', component: () => import('./PoliciesView.vue') },
  ],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, pt, en },
};
