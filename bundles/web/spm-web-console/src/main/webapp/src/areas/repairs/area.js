// Repairs (SVC-REP-1..2, OWN-4, COS-6): the scoped list with filters, the detail with photos, timeline and transitions.
export default {
  order: 41,
  menu: [{ key: 'repairs', path: '/repairs', permission: 'repair:read' }],
  routes: [
    { path: 'repairs', name: 'repairs', component: () => import('./RepairsView.vue') },
    { path: 'repairs/:id', name: 'repair', component: () => import('./RepairDetailView.vue') },
  ],
  messages: {
    'zh-CN': {
      menu: { repairs: '报修' },
      repairs: {
        title: '报修', empty: '没有报修', description: '报修内容', where: '房屋 / 位置', commonArea: '公共区域', requester: '报修人',
        requestedAt: '报修时间', completedAt: '完成时间', reopenUntil: '可申请重新维修至', requestPhotos: '报修照片', reportPhotos: '维修完成照片',
      },
    },
    'zh-TW': {
      menu: { repairs: '報修' },
      repairs: {
        title: '報修', empty: '沒有報修', description: '報修內容', where: '房屋 / 位置', commonArea: '公共區域', requester: '報修人',
        requestedAt: '報修時間', completedAt: '完成時間', reopenUntil: '可申請重新維修至', requestPhotos: '報修照片', reportPhotos: '維修完成照片',
      },
    },
    pt: {
      menu: { repairs: 'Pedidos de reparação' },
      repairs: {
        title: 'Pedidos de reparação', empty: 'Nenhum pedido de reparação', description: 'Descrição', where: 'Fração autónoma / local',
        commonArea: 'Partes comuns', requester: 'Requerente', requestedAt: 'Pedido em', completedAt: 'Concluída em',
        reopenUntil: 'Pode pedir nova reparação até', requestPhotos: 'Fotografias do pedido', reportPhotos: 'Fotografias da conclusão',
      },
    },
    en: {
      menu: { repairs: 'Repairs' },
      repairs: {
        title: 'Repair requests', empty: 'No repair requests', description: 'Description', where: 'House / place', commonArea: 'Common area',
        requester: 'Requester', requestedAt: 'Requested', completedAt: 'Completed', reopenUntil: 'May be reopened until',
        requestPhotos: 'Photos of the request', reportPhotos: 'Photos of the completion',
      },
    },
  },
};
