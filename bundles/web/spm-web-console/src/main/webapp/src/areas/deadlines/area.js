// Deadlines (SLA-1..4, SVC-CMP-5, SVC-REP-2, SVC-PAT-2): the monitoring view of what is near or past its deadline, and
// the working-day calendar with the time limits.
export default {
  order: 45,
  menu: [
    { key: 'deadlines', path: '/deadlines', permission: 'deadline:monitor' },
    { key: 'calendar', path: '/calendar', anyOf: ['deadline:monitor', 'calendar:write', 'deadline:config'] },
  ],
  routes: [
    { path: 'deadlines', name: 'deadlines', component: () => import('./DeadlinesView.vue') },
    { path: 'calendar', name: 'calendar', component: () => import('./CalendarView.vue') },
  ],
  messages: {
    'zh-CN': {
      menu: { deadlines: '期限监控', calendar: '工作日历与时限' },
      deadlines: {
        title: '期限监控', state: { overdue: '已超期', near: '临近期限', all: '全部未办结' }, running: '办理中', allDomains: '全部事项类型',
        empty: '没有符合条件的事项', item: '事项', domain: '事项类型', limit: '办理时限', startedAt: '开始时间', warnAt: '预警时间',
        stateLabel: '期限状态', overdueBy: '已超期 {days} 天 {hours} 小时', dueIn: '尚余 {days} 天 {hours} 小时',
        unit: { WORKING_DAYS: '个工作日', WORKING_HOURS: '个工作小时', CALENDAR_HOURS: '小时' },
      },
      calendar: {
        title: '工作日历与办理时限', calendarTab: '工作日历', limitsTab: '办理时限', officeHours: '办公时间', add: '设置日期', empty: '本年没有节假日或补班日',
        date: '日期', weekday: '星期', kind: '类型', kinds: { HOLIDAY: '节假日', MAKEUP_WORKDAY: '补班日' }, provisional: '暂定', name: '名称',
        note: '说明', actions: '操作', edit: '修改', remove: '恢复为普通日', removeConfirm: '将 {date} 恢复为普通日？', dayTitle: '节假日或补班日',
        dateRequired: '请选择日期', required: '必填', addLimit: '新增时限', limitTitle: '办理时限', amount: '时限数值', unit: '单位',
        pausable: '可暂停', warningRatio: '预警比例', description: '说明',
      },
    },
    'zh-TW': {
      menu: { deadlines: '期限監控', calendar: '工作日曆與時限' },
      deadlines: {
        title: '期限監控', state: { overdue: '已超期', near: '臨近期限', all: '全部未辦結' }, running: '辦理中', allDomains: '全部事項類型',
        empty: '沒有符合條件的事項', item: '事項', domain: '事項類型', limit: '辦理時限', startedAt: '開始時間', warnAt: '預警時間',
        stateLabel: '期限狀態', overdueBy: '已超期 {days} 天 {hours} 小時', dueIn: '尚餘 {days} 天 {hours} 小時',
        unit: { WORKING_DAYS: '個工作日', WORKING_HOURS: '個工作小時', CALENDAR_HOURS: '小時' },
      },
      calendar: {
        title: '工作日曆與辦理時限', calendarTab: '工作日曆', limitsTab: '辦理時限', officeHours: '辦公時間', add: '設定日期', empty: '本年沒有節假日或補班日',
        date: '日期', weekday: '星期', kind: '類型', kinds: { HOLIDAY: '節假日', MAKEUP_WORKDAY: '補班日' }, provisional: '暫定', name: '名稱',
        note: '說明', actions: '操作', edit: '修改', remove: '恢復為普通日', removeConfirm: '將 {date} 恢復為普通日？', dayTitle: '節假日或補班日',
        dateRequired: '請選擇日期', required: '必填', addLimit: '新增時限', limitTitle: '辦理時限', amount: '時限數值', unit: '單位',
        pausable: '可暫停', warningRatio: '預警比例', description: '說明',
      },
    },
    pt: {
      menu: { deadlines: 'Monitorização de prazos', calendar: 'Calendário e prazos' },
      deadlines: {
        title: 'Monitorização de prazos', state: { overdue: 'Prazo ultrapassado', near: 'Perto do prazo', all: 'Todos em aberto' }, running: 'Em curso',
        allDomains: 'Todos os tipos', empty: 'Nenhum caso', item: 'Caso', domain: 'Tipo', limit: 'Prazo de tratamento', startedAt: 'Início',
        warnAt: 'Aviso', stateLabel: 'Situação do prazo', overdueBy: 'Ultrapassado há {days} d {hours} h', dueIn: 'Faltam {days} d {hours} h',
        unit: { WORKING_DAYS: 'dias úteis', WORKING_HOURS: 'horas úteis', CALENDAR_HOURS: 'horas' },
      },
      calendar: {
        title: 'Calendário de dias úteis e prazos de tratamento', calendarTab: 'Calendário de dias úteis', limitsTab: 'Prazos de tratamento',
        officeHours: 'Horário de expediente', add: 'Definir um dia', empty: 'Sem feriados nem dias úteis de compensação neste ano', date: 'Data',
        weekday: 'Dia da semana', kind: 'Tipo', kinds: { HOLIDAY: 'Feriado', MAKEUP_WORKDAY: 'Dia útil de compensação' }, provisional: 'Provisório',
        name: 'Nome', note: 'Nota', actions: 'Ações', edit: 'Alterar', remove: 'Repor dia normal', removeConfirm: 'Repor {date} como dia normal?',
        dayTitle: 'Feriado ou dia útil de compensação', dateRequired: 'Escolha a data', required: 'Obrigatório', addLimit: 'Novo prazo',
        limitTitle: 'Prazo de tratamento', amount: 'Valor', unit: 'Unidade', pausable: 'Pode ser suspenso', warningRatio: 'Proporção de aviso',
        description: 'Descrição',
      },
    },
    en: {
      menu: { deadlines: 'Deadline monitoring', calendar: 'Calendar and time limits' },
      deadlines: {
        title: 'Deadline monitoring', state: { overdue: 'Overdue', near: 'Near the deadline', all: 'All open' }, running: 'Running',
        allDomains: 'All kinds', empty: 'No items', item: 'Item', domain: 'Kind', limit: 'Time limit', startedAt: 'Started', warnAt: 'Warning',
        stateLabel: 'Deadline status', overdueBy: 'Overdue by {days} d {hours} h', dueIn: 'Due in {days} d {hours} h',
        unit: { WORKING_DAYS: 'working days', WORKING_HOURS: 'working hours', CALENDAR_HOURS: 'hours' },
      },
      calendar: {
        title: 'Working-day calendar and time limits', calendarTab: 'Working-day calendar', limitsTab: 'Time limits', officeHours: 'Office hours',
        add: 'Set a day', empty: 'No holidays or make-up working days this year', date: 'Date', weekday: 'Weekday', kind: 'Kind',
        kinds: { HOLIDAY: 'Holiday', MAKEUP_WORKDAY: 'Make-up working day' }, provisional: 'Provisional', name: 'Name', note: 'Note',
        actions: 'Actions', edit: 'Change', remove: 'Make ordinary', removeConfirm: 'Make {date} an ordinary day again?',
        dayTitle: 'Holiday or make-up working day', dateRequired: 'Choose the date', required: 'Required', addLimit: 'New time limit',
        limitTitle: 'Time limit', amount: 'Amount', unit: 'Unit', pausable: 'Pausable', warningRatio: 'Warning ratio', description: 'Description',
      },
    },
  },
};
