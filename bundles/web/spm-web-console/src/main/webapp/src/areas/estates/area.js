// Estates (EST-*): the registry list; detail, buildings and sync runs.
export default {
  order: 10,
  menu: [{ key: 'estates', path: '/estates', permission: 'estate:read' }],
  routes: [
    { path: 'estates', name: 'estates', component: () => import('./EstatesView.vue') },
  ],
  messages: {
    'zh-CN': {
      menu: { estates: '小区' },
      estates: {
        title: '小区', name: '名称', community: '社区', company: '物业服务企业', buildings: '楼栋', houses: '房屋',
        status: '状态', address: '地址', search: '按名称查找', empty: '没有小区',
      },
    },
    'zh-TW': {
      menu: { estates: '小區' },
      estates: {
        title: '小區', name: '名稱', community: '社區', company: '物業服務企業', buildings: '樓宇', houses: '房屋',
        status: '狀態', address: '地址', search: '按名稱查找', empty: '沒有小區',
      },
    },
    pt: {
      menu: { estates: 'Condomínios' },
      estates: {
        title: 'Condomínios', name: 'Nome', community: 'Comunidade', company: 'Empresa de serviços de administração de propriedades',
        buildings: 'Edifícios', houses: 'Frações autónomas', status: 'Estado', address: 'Endereço', search: 'Procurar por nome',
        empty: 'Nenhum condomínio',
      },
    },
    en: {
      menu: { estates: 'Estates' },
      estates: {
        title: 'Estates', name: 'Name', community: 'Community', company: 'Property company', buildings: 'Buildings', houses: 'Houses',
        status: 'Status', address: 'Address', search: 'Find by name', empty: 'No estates',
      },
    },
  },
};
