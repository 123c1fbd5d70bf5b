// Patrols (SVC-PAT-1..2, COS-5): patrol tasks (list, detail with findings/fix photos, timeline, inspect/close forms) and
// the owners' photo reports (随手拍) from which the managing company makes tasks.
export default {
  order: 42,
  menu: [
    { key: 'patrols', path: '/patrols', permission: 'patrol:read' },
    { key: 'patrolReports', path: '/patrol-reports', permission: 'patrol:read' },
  ],
  routes: [
    { path: 'patrols', name: 'patrols', component: () => import('./PatrolTasksView.vue') },
    { path: 'patrols/tasks/:id', name: 'patrol', component: () => import('./PatrolTaskDetailView.vue') },
    { path: 'patrol-reports', name: 'patrol-reports', component: () => import('./PhotoReportsView.vue') },
    { path: 'patrol-reports/:id', name: 'patrol-report', component: () => import('./PhotoReportDetailView.vue') },
  ],
  messages: {
    'zh-CN': {
      menu: { patrols: '巡查任务', patrolReports: '随手拍' },
      patrols: {
        title: '巡查任务', empty: '没有巡查任务', taskTitle: '任务名称', reports: '随手拍', report: '随手拍', limitDueAt: '时限截止',
        closedAt: '办结时间', findingPhotos: '巡查发现照片', fixPhotos: '整改照片', reportsTitle: '随手拍', noReports: '没有随手拍',
        description: '内容', location: '位置', reportedAt: '上报时间', reporter: '上报人', task: '巡查任务',
        makeTask: '生成巡查任务（已选 {n} 条）', newTask: '生成巡查任务',
      },
    },
    'zh-TW': {
      menu: { patrols: '巡查任務', patrolReports: '隨手拍' },
      patrols: {
        title: '巡查任務', empty: '沒有巡查任務', taskTitle: '任務名稱', reports: '隨手拍', report: '隨手拍', limitDueAt: '時限截止',
        closedAt: '辦結時間', findingPhotos: '巡查發現照片', fixPhotos: '整改照片', reportsTitle: '隨手拍', noReports: '沒有隨手拍',
        description: '內容', location: '位置', reportedAt: '上報時間', reporter: '上報人', task: '巡查任務',
        makeTask: '生成巡查任務（已選 {n} 條）', newTask: '生成巡查任務',
      },
    },
    pt: {
      menu: { patrols: 'Tarefas de inspeção', patrolReports: 'Participações fotográficas' },
      patrols: {
        title: 'Tarefas de inspeção', empty: 'Nenhuma tarefa de inspeção', taskTitle: 'Título da tarefa', reports: 'Participações fotográficas',
        report: 'Participação fotográfica', limitDueAt: 'Fim do prazo de tratamento', closedAt: 'Concluída em', findingPhotos: 'Fotografias das constatações',
        fixPhotos: 'Fotografias da correção', reportsTitle: 'Participações fotográficas', noReports: 'Nenhuma participação fotográfica',
        description: 'Descrição', location: 'Local', reportedAt: 'Comunicada em', reporter: 'Autor', task: 'Tarefa de inspeção',
        makeTask: 'Criar tarefa de inspeção ({n} selecionadas)', newTask: 'Nova tarefa de inspeção',
      },
    },
    en: {
      menu: { patrols: 'Patrol tasks', patrolReports: 'Photo reports' },
      patrols: {
        title: 'Patrol tasks', empty: 'No patrol tasks', taskTitle: 'Task title', reports: 'Photo reports', report: 'Photo report',
        limitDueAt: 'End of the time limit', closedAt: 'Closed', findingPhotos: 'Photos of the findings', fixPhotos: 'Photos of the fix',
        reportsTitle: 'Photo reports', noReports: 'No photo reports', description: 'Description', location: 'Place', reportedAt: 'Reported',
        reporter: 'Reported by', task: 'Patrol task', makeTask: 'Make a patrol task ({n} selected)', newTask: 'New patrol task',
      },
    },
  },
};
