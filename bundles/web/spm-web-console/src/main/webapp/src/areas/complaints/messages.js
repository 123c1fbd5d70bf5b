// Texts of the supervision pages (complaints, repairs, patrols, deadlines) shared by their areas (`supervision`), and the
// complaints page's own (`complaints`), in the four languages; terms from docs/glossary.md "Cases and deadlines", the
// timeline's action names as the API's bundles word them (action.* in the complaint and service messages).
export default {
  'zh-CN': {
    menu: { complaints: '投诉' },
    supervision: {
      number: '编号', categoryLabel: '类别', statusLabel: '状态', estate: '小区', company: '物业服务企业', dueAt: '办理期限',
      overdue: '已超期', near: '临近期限', allStatuses: '全部状态', allCategories: '全部类别', allEstates: '全部小区',
      deadlineView: '期限监控', back: '返回列表', timeline: '办理过程', noEvents: '暂无记录', photos: '照片', photo: '照片',
      noPhotos: '没有照片', openPhoto: '查看第 {n} 张照片', photoFailed: '无法显示', noTransitions: '当前没有可由您办理的步骤',
      submit: '提交', cancel: '取消', remove: '移除', done: '已办理', createdAt: '创建时间', search: '查询', pageSize: '每页条数',
      status: {
        complaint: { REGISTERED: '已登记', DISPATCHED: '已分派', IN_PROGRESS: '办理中', WAITING: '等待投诉人补充', RESOLVED: '已办结', CLOSED: '已结案', REOPENED: '重新处理', REJECTED: '不予受理' },
        repair: { REQUESTED: '待受理', ACCEPTED: '已受理', SCHEDULED: '已预约上门', COMPLETED: '已完成', CONFIRMED: '已确认', REOPENED: '重新维修', REJECTED: '不予受理' },
        patrol: { OPEN: '待巡查', INSPECTED: '已巡查', CLOSED: '已办结' },
        report: { REPORTED: '已上报', TASKED: '已生成巡查任务', CLOSED: '已办结' },
      },
      action: {
        complaint: { create: '登记投诉', dispatch: '分派', forward: '转交企业', accept: '受理', wait: '等待投诉人补充', resume: '恢复办理', resolve: '办结', close: '结案', autoClose: '逾期未确认，自动结案', reopen: '重新处理', reject: '不予受理' },
        repair: { create: '提交报修', accept: '受理', schedule: '预约上门', reschedule: '改约上门时间', complete: '维修完成并反馈', confirm: '确认完成', autoConfirm: '逾期未确认，自动确认', reopen: '申请重新维修', reject: '不予受理' },
        patrol: { createTask: '生成巡查任务', inspect: '记录巡查发现', close: '整改完成，任务办结' },
      },
      transition: {
        complaint: { dispatch: '分派', accept: '受理', wait: '等待投诉人补充', resume: '恢复办理', resolve: '办结', close: '确认结案', reopen: '重新处理', reject: '不予受理' },
        repair: { accept: '受理', schedule: '预约上门', complete: '维修完成', confirm: '确认完成', reopen: '申请重新维修', reject: '不予受理' },
        patrol: { inspect: '记录巡查发现', close: '整改完成' },
      },
      field: {
        note: '备注', result: '处理结果', reason: '原因', report: '维修情况', findings: '巡查发现', fix: '整改情况', appointmentAt: '上门时间',
        photos: '照片', photosLimit: '照片（JPEG/PNG，{min}–{max} 张）', target: '分派给', toOfficer: '承办人员', toCompany: '转交物业服务企业',
        officerAccountId: '承办人员账号编号', officerHint: '填写承办人员的账号编号（accountId）；也可转交被投诉的物业服务企业。', upheld: '投诉属实（计入被投诉企业的不良信用记录）',
      },
      category: {
        complaint: { ENQUIRY: '咨询', COMPLAINT: '投诉', REPORT: '举报', HELP: '求助' },
        repair: { NORMAL: '一般维修', MAJOR: '重大维修', EMERGENCY: '紧急维修' },
        patrol: { TASK: '巡查任务' },
      },
      domain: { complaint: '投诉', repair: '报修', patrol: '巡查任务' },
    },
    complaints: {
      title: '投诉', empty: '没有投诉', subject: '标题', registeredAt: '登记时间', channel: '渠道',
      channels: { PORTAL: '网上（门户）', MINI_PROGRAM: '小程序', PHONE: '电话', HOTLINE_12345: '12345 热线', WALK_IN: '来访', LETTER: '来信' },
      against: '被投诉企业', toRegulator: '（向监管部门）', content: '内容', complainant: '投诉人', assignee: '承办',
      forwarded: '已转交物业服务企业', result: '处理结果', reason: '原因', reopenUntil: '可申请重新处理至',
    },
  },
  'zh-TW': {
    menu: { complaints: '投訴' },
    supervision: {
      number: '編號', categoryLabel: '類別', statusLabel: '狀態', estate: '小區', company: '物業服務企業', dueAt: '辦理期限',
      overdue: '已超期', near: '臨近期限', allStatuses: '全部狀態', allCategories: '全部類別', allEstates: '全部小區',
      deadlineView: '期限監控', back: '返回列表', timeline: '辦理過程', noEvents: '暫無記錄', photos: '照片', photo: '照片',
      noPhotos: '沒有照片', openPhoto: '查看第 {n} 張照片', photoFailed: '無法顯示', noTransitions: '目前沒有可由您辦理的步驟',
      submit: '提交', cancel: '取消', remove: '移除', done: '已辦理', createdAt: '建立時間', search: '查詢', pageSize: '每頁條數',
      status: {
        complaint: { REGISTERED: '已登記', DISPATCHED: '已分派', IN_PROGRESS: '辦理中', WAITING: '等待投訴人補充', RESOLVED: '已辦結', CLOSED: '已結案', REOPENED: '重新處理', REJECTED: '不予受理' },
        repair: { REQUESTED: '待受理', ACCEPTED: '已受理', SCHEDULED: '已預約上門', COMPLETED: '已完成', CONFIRMED: '已確認', REOPENED: '重新維修', REJECTED: '不予受理' },
        patrol: { OPEN: '待巡查', INSPECTED: '已巡查', CLOSED: '已辦結' },
        report: { REPORTED: '已上報', TASKED: '已生成巡查任務', CLOSED: '已辦結' },
      },
      action: {
        complaint: { create: '登記投訴', dispatch: '分派', forward: '轉交企業', accept: '受理', wait: '等待投訴人補充', resume: '恢復辦理', resolve: '辦結', close: '結案', autoClose: '逾期未確認，自動結案', reopen: '重新處理', reject: '不予受理' },
        repair: { create: '提交報修', accept: '受理', schedule: '預約上門', reschedule: '改約上門時間', complete: '維修完成並回覆', confirm: '確認完成', autoConfirm: '逾期未確認，自動確認', reopen: '申請重新維修', reject: '不予受理' },
        patrol: { createTask: '生成巡查任務', inspect: '記錄巡查發現', close: '整改完成，任務辦結' },
      },
      transition: {
        complaint: { dispatch: '分派', accept: '受理', wait: '等待投訴人補充', resume: '恢復辦理', resolve: '辦結', close: '確認結案', reopen: '重新處理', reject: '不予受理' },
        repair: { accept: '受理', schedule: '預約上門', complete: '維修完成', confirm: '確認完成', reopen: '申請重新維修', reject: '不予受理' },
        patrol: { inspect: '記錄巡查發現', close: '整改完成' },
      },
      field: {
        note: '備註', result: '處理結果', reason: '原因', report: '維修情況', findings: '巡查發現', fix: '整改情況', appointmentAt: '上門時間',
        photos: '照片', photosLimit: '照片（JPEG/PNG，{min}–{max} 張）', target: '分派給', toOfficer: '承辦人員', toCompany: '轉交物業服務企業',
        officerAccountId: '承辦人員帳號編號', officerHint: '填寫承辦人員的帳號編號（accountId）；也可轉交被投訴的物業服務企業。', upheld: '投訴屬實（計入被投訴企業的不良信用記錄）',
      },
      category: {
        complaint: { ENQUIRY: '諮詢', COMPLAINT: '投訴', REPORT: '舉報', HELP: '求助' },
        repair: { NORMAL: '一般維修', MAJOR: '重大維修', EMERGENCY: '緊急維修' },
        patrol: { TASK: '巡查任務' },
      },
      domain: { complaint: '投訴', repair: '報修', patrol: '巡查任務' },
    },
    complaints: {
      title: '投訴', empty: '沒有投訴', subject: '標題', registeredAt: '登記時間', channel: '渠道',
      channels: { PORTAL: '網上（入口網站）', MINI_PROGRAM: '小程式', PHONE: '電話', HOTLINE_12345: '12345 熱線', WALK_IN: '來訪', LETTER: '來信' },
      against: '被投訴企業', toRegulator: '（向監管部門）', content: '內容', complainant: '投訴人', assignee: '承辦',
      forwarded: '已轉交物業服務企業', result: '處理結果', reason: '原因', reopenUntil: '可申請重新處理至',
    },
  },
  pt: {
    menu: { complaints: 'Queixas' },
    supervision: {
      number: 'Número', categoryLabel: 'Categoria', statusLabel: 'Estado', estate: 'Condomínio',
      company: 'Empresa de serviços de administração de propriedades', dueAt: 'Prazo', overdue: 'Prazo ultrapassado', near: 'Perto do prazo',
      allStatuses: 'Todos os estados', allCategories: 'Todas as categorias', allEstates: 'Todos os condomínios', deadlineView: 'Monitorização de prazos',
      back: 'Voltar à lista', timeline: 'Tramitação', noEvents: 'Sem registos', photos: 'Fotografias', photo: 'Fotografia',
      noPhotos: 'Sem fotografias', openPhoto: 'Ver a fotografia {n}', photoFailed: 'Não é possível mostrar',
      noTransitions: 'Não há passos que possa tratar agora', submit: 'Submeter', cancel: 'Cancelar', remove: 'Remover', done: 'Tratado',
      createdAt: 'Criada em', search: 'Procurar', pageSize: 'Linhas por página',
      status: {
        complaint: { REGISTERED: 'Registada', DISPATCHED: 'Distribuída', IN_PROGRESS: 'Em tratamento', WAITING: 'A aguardar o queixoso', RESOLVED: 'Resolvida', CLOSED: 'Encerrada', REOPENED: 'Reaberta', REJECTED: 'Não aceite' },
        repair: { REQUESTED: 'Pedida', ACCEPTED: 'Aceite', SCHEDULED: 'Visita marcada', COMPLETED: 'Concluída', CONFIRMED: 'Confirmada', REOPENED: 'Reaberta', REJECTED: 'Não aceite' },
        patrol: { OPEN: 'Por inspecionar', INSPECTED: 'Inspecionada', CLOSED: 'Concluída' },
        report: { REPORTED: 'Comunicada', TASKED: 'Em tarefa de inspeção', CLOSED: 'Concluída' },
      },
      action: {
        complaint: { create: 'Queixa registada', dispatch: 'Distribuída', forward: 'Encaminhada para a empresa', accept: 'Aceite', wait: 'A aguardar o queixoso', resume: 'Tratamento retomado', resolve: 'Resolvida', close: 'Encerrada', autoClose: 'Encerrada automaticamente (não confirmada dentro do prazo)', reopen: 'Reaberta', reject: 'Não aceite' },
        repair: { create: 'Reparação pedida', accept: 'Aceite', schedule: 'Visita marcada', reschedule: 'Visita remarcada', complete: 'Concluída e comunicada', confirm: 'Confirmada', autoConfirm: 'Confirmada automaticamente (não confirmada dentro do prazo)', reopen: 'Nova reparação pedida', reject: 'Não aceite' },
        patrol: { createTask: 'Tarefa de inspeção criada', inspect: 'Constatações registadas', close: 'Corrigido, tarefa concluída' },
      },
      transition: {
        complaint: { dispatch: 'Distribuir', accept: 'Aceitar', wait: 'Aguardar o queixoso', resume: 'Retomar', resolve: 'Resolver', close: 'Encerrar', reopen: 'Reabrir', reject: 'Não aceitar' },
        repair: { accept: 'Aceitar', schedule: 'Marcar visita', complete: 'Concluir', confirm: 'Confirmar', reopen: 'Pedir nova reparação', reject: 'Não aceitar' },
        patrol: { inspect: 'Registar constatações', close: 'Correção concluída' },
      },
      field: {
        note: 'Observação', result: 'Resultado', reason: 'Motivo', report: 'Relatório da reparação', findings: 'Constatações', fix: 'Correção',
        appointmentAt: 'Data e hora da visita', photos: 'Fotografias', photosLimit: 'Fotografias (JPEG/PNG, {min}–{max})', target: 'Distribuir a',
        toOfficer: 'Funcionário responsável', toCompany: 'Encaminhar para a empresa', officerAccountId: 'Número da conta do funcionário responsável',
        officerHint: 'Indique o número da conta (accountId) do funcionário responsável, ou encaminhe para a empresa visada.',
        upheld: 'Queixa procedente (registo de crédito negativo da empresa visada)',
      },
      category: {
        complaint: { ENQUIRY: 'Pedido de informação', COMPLAINT: 'Queixa', REPORT: 'Denúncia', HELP: 'Pedido de ajuda' },
        repair: { NORMAL: 'Reparação normal', MAJOR: 'Reparação de grande dimensão', EMERGENCY: 'Reparação urgente' },
        patrol: { TASK: 'Tarefa de inspeção' },
      },
      domain: { complaint: 'Queixa', repair: 'Pedido de reparação', patrol: 'Tarefa de inspeção' },
    },
    complaints: {
      title: 'Queixas', empty: 'Nenhuma queixa', subject: 'Assunto', registeredAt: 'Registada em', channel: 'Canal',
      channels: { PORTAL: 'Portal', MINI_PROGRAM: 'Miniprograma', PHONE: 'Telefone', HOTLINE_12345: 'Linha aberta 12345', WALK_IN: 'Presencial', LETTER: 'Carta' },
      against: 'Empresa visada', toRegulator: '(à entidade reguladora)', content: 'Conteúdo', complainant: 'Queixoso', assignee: 'Responsável',
      forwarded: 'Encaminhada para a empresa', result: 'Resultado', reason: 'Motivo', reopenUntil: 'Pode ser reaberta até',
    },
  },
  en: {
    menu: { complaints: 'Complaints' },
    supervision: {
      number: 'Number', categoryLabel: 'Category', statusLabel: 'Status', estate: 'Estate', company: 'Property company', dueAt: 'Deadline',
      overdue: 'Overdue', near: 'Near the deadline', allStatuses: 'All statuses', allCategories: 'All categories', allEstates: 'All estates',
      deadlineView: 'Deadline monitoring', back: 'Back to the list', timeline: 'Timeline', noEvents: 'No entries', photos: 'Photos', photo: 'Photo',
      noPhotos: 'No photos', openPhoto: 'Open photo {n}', photoFailed: 'Cannot be shown', noTransitions: 'No step for you to take now',
      submit: 'Submit', cancel: 'Cancel', remove: 'Remove', done: 'Done', createdAt: 'Created', search: 'Search', pageSize: 'Rows per page',
      status: {
        complaint: { REGISTERED: 'Registered', DISPATCHED: 'Dispatched', IN_PROGRESS: 'In progress', WAITING: 'Waiting for the complainant', RESOLVED: 'Resolved', CLOSED: 'Closed', REOPENED: 'Reopened', REJECTED: 'Rejected' },
        repair: { REQUESTED: 'Requested', ACCEPTED: 'Accepted', SCHEDULED: 'Appointment made', COMPLETED: 'Completed', CONFIRMED: 'Confirmed', REOPENED: 'Reopened', REJECTED: 'Rejected' },
        patrol: { OPEN: 'Open', INSPECTED: 'Inspected', CLOSED: 'Closed' },
        report: { REPORTED: 'Reported', TASKED: 'In a patrol task', CLOSED: 'Closed' },
      },
      action: {
        complaint: { create: 'Complaint registered', dispatch: 'Dispatched', forward: 'Forwarded to the company', accept: 'Accepted', wait: 'Waiting for the complainant', resume: 'Handling resumed', resolve: 'Resolved', close: 'Closed', autoClose: 'Closed automatically (not confirmed in time)', reopen: 'Reopened', reject: 'Rejected' },
        repair: { create: 'Repair requested', accept: 'Accepted', schedule: 'Appointment made', reschedule: 'Appointment changed', complete: 'Completed and reported back', confirm: 'Confirmed', autoConfirm: 'Confirmed automatically (not confirmed in time)', reopen: 'Reopened', reject: 'Rejected' },
        patrol: { createTask: 'Patrol task created', inspect: 'Findings recorded', close: 'Fixed, task closed' },
      },
      transition: {
        complaint: { dispatch: 'Dispatch', accept: 'Accept', wait: 'Wait for the complainant', resume: 'Resume', resolve: 'Resolve', close: 'Close', reopen: 'Reopen', reject: 'Reject' },
        repair: { accept: 'Accept', schedule: 'Make an appointment', complete: 'Complete', confirm: 'Confirm', reopen: 'Reopen', reject: 'Reject' },
        patrol: { inspect: 'Record findings', close: 'Fixed, close' },
      },
      field: {
        note: 'Note', result: 'Result', reason: 'Reason', report: 'Repair report', findings: 'Findings', fix: 'Fix', appointmentAt: 'Appointment',
        photos: 'Photos', photosLimit: 'Photos (JPEG/PNG, {min}–{max})', target: 'Dispatch to', toOfficer: 'Officer', toCompany: 'Forward to the company',
        officerAccountId: 'Account id of the officer', officerHint: 'Enter the account id (accountId) of the officer, or forward to the company complained about.',
        upheld: 'Complaint upheld (a bad credit record of the company complained about)',
      },
      category: {
        complaint: { ENQUIRY: 'Enquiry', COMPLAINT: 'Complaint', REPORT: 'Report', HELP: 'Help' },
        repair: { NORMAL: 'Normal repair', MAJOR: 'Major repair', EMERGENCY: 'Emergency repair' },
        patrol: { TASK: 'Patrol task' },
      },
      domain: { complaint: 'Complaint', repair: 'Repair request', patrol: 'Patrol task' },
    },
    complaints: {
      title: 'Complaints', empty: 'No complaints', subject: 'Subject', registeredAt: 'Registered', channel: 'Channel',
      channels: { PORTAL: 'Portal', MINI_PROGRAM: 'Mini program', PHONE: 'Phone', HOTLINE_12345: '12345 hotline', WALK_IN: 'Walk-in', LETTER: 'Letter' },
      against: 'Company complained about', toRegulator: '(to the regulator)', content: 'Content', complainant: 'Complainant', assignee: 'Handled by',
      forwarded: 'Forwarded to the company', result: 'Result', reason: 'Reason', reopenUntil: 'May be reopened until',
    },
  },
};
