// Owners' committees (SUP-OC-1, SUP-OC-2, OCS-2..4): the list, the detail with members, the filing and its review.
// The filing panel and its texts (`filing`) come from the companies area.
export default {
  order: 30,
  menu: [{ key: 'committees', path: '/committees', permission: 'committee:read' }],
  routes: [
    { path: 'committees', name: 'committees', component: () => import('./CommitteesView.vue') },
    { path: 'committees/:id', name: 'committee', component: () => import('./CommitteeDetailView.vue') },
  ],
  messages: {
    'zh-CN': {
      menu: { committees: '业主委员会' },
      committees: {
        title: '业主委员会', allEstates: '全部小区', allStatuses: '全部状态', find: '查询', empty: '没有业主委员会', name: '名称',
        estate: '小区', head: '主任', termStart: '任期开始', termEnd: '任期结束', state: '状态', back: '返回业主委员会列表',
        company: '物业服务企业', phone: '联系电话', address: '地址', electedOn: '选举日期', term: '任期', members: '委员',
        noMembers: '没有委员', memberName: '姓名', position: '职务', history: '变更记录', noHistory: '没有变更记录',
        status: { ACTIVE: '在任', ENDED: '已届满' },
        positions: { HEAD: '主任', DEPUTY: '副主任', MEMBER: '委员' },
        actions: { create: '登记', update: '修改', members: '委员变更' },
        fields: {
          estateId: '小区', name: '名称', phone: '联系电话', address: '地址', companyId: '物业服务企业', electedOn: '选举日期',
          termStart: '任期开始', termEnd: '任期结束', members: '委员', headOwnerId: '主任',
        },
      },
    },
    'zh-TW': {
      menu: { committees: '業主委員會' },
      committees: {
        title: '業主委員會', allEstates: '全部小區', allStatuses: '全部狀態', find: '查詢', empty: '沒有業主委員會', name: '名稱',
        estate: '小區', head: '主任', termStart: '任期開始', termEnd: '任期結束', state: '狀態', back: '返回業主委員會列表',
        company: '物業服務企業', phone: '聯絡電話', address: '地址', electedOn: '選舉日期', term: '任期', members: '委員',
        noMembers: '沒有委員', memberName: '姓名', position: '職務', history: '變更記錄', noHistory: '沒有變更記錄',
        status: { ACTIVE: '在任', ENDED: '已屆滿' },
        positions: { HEAD: '主任', DEPUTY: '副主任', MEMBER: '委員' },
        actions: { create: '登記', update: '修改', members: '委員變更' },
        fields: {
          estateId: '小區', name: '名稱', phone: '聯絡電話', address: '地址', companyId: '物業服務企業', electedOn: '選舉日期',
          termStart: '任期開始', termEnd: '任期結束', members: '委員', headOwnerId: '主任',
        },
      },
    },
    pt: {
      menu: { committees: 'Comissões de proprietários' },
      committees: {
        title: 'Comissões de proprietários', allEstates: 'Todos os condomínios', allStatuses: 'Todos os estados', find: 'Procurar',
        empty: 'Nenhuma comissão de proprietários', name: 'Nome', estate: 'Condomínio', head: 'Presidente', termStart: 'Início do mandato',
        termEnd: 'Fim do mandato', state: 'Estado', back: 'Voltar à lista de comissões',
        company: 'Empresa de serviços de administração de propriedades', phone: 'Telefone', address: 'Endereço', electedOn: 'Data da eleição',
        term: 'Mandato', members: 'Membros', noMembers: 'Nenhum membro', memberName: 'Nome', position: 'Cargo',
        history: 'Histórico de alterações', noHistory: 'Sem alterações',
        status: { ACTIVE: 'Em funções', ENDED: 'Mandato terminado' },
        positions: { HEAD: 'Presidente', DEPUTY: 'Vice-presidente', MEMBER: 'Membro' },
        actions: { create: 'Registo', update: 'Alteração', members: 'Alteração dos membros' },
        fields: {
          estateId: 'Condomínio', name: 'Nome', phone: 'Telefone', address: 'Endereço', companyId: 'Empresa', electedOn: 'Data da eleição',
          termStart: 'Início do mandato', termEnd: 'Fim do mandato', members: 'Membros', headOwnerId: 'Presidente',
        },
      },
    },
    en: {
      menu: { committees: 'Owners committees' },
      committees: {
        title: 'Owners committees', allEstates: 'All estates', allStatuses: 'All statuses', find: 'Find', empty: 'No owners committees',
        name: 'Name', estate: 'Estate', head: 'Head', termStart: 'Term start', termEnd: 'Term end', state: 'Status',
        back: 'Back to the owners committees', company: 'Property company', phone: 'Phone', address: 'Address', electedOn: 'Elected on',
        term: 'Term', members: 'Members', noMembers: 'No members', memberName: 'Name', position: 'Position',
        history: 'Change history', noHistory: 'No changes',
        status: { ACTIVE: 'In office', ENDED: 'Ended' },
        positions: { HEAD: 'Head', DEPUTY: 'Deputy', MEMBER: 'Member' },
        actions: { create: 'Registered', update: 'Updated', members: 'Members changed' },
        fields: {
          estateId: 'Estate', name: 'Name', phone: 'Phone', address: 'Address', companyId: 'Property company', electedOn: 'Elected on',
          termStart: 'Term start', termEnd: 'Term end', members: 'Members', headOwnerId: 'Head',
        },
      },
    },
  },
};
