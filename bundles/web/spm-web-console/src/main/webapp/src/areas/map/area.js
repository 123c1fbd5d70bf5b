// The one map (issue 17 part 2, 物管一张图: MAP-1..11, INT-GIS): the estates of the caller's scope on the city's base layers,
// clustered at low zoom, the thematic layers (complaint density, credit grade, assessment result, open repairs) with their
// legend, and an estate's panels (overview, company, committee, tenders, votes, notices, complaints, patrols, repairs,
// satisfaction) in a drawer. The regulator sees every estate, a company its estates, a committee its estate.
const panelNames = (overview, company, committee, tenders, votes, notices, complaints, patrols, repairs, satisfaction) =>
  ({ overview, company, committee, tenders, votes, notices, complaints, patrols, repairs, satisfaction });

export default {
  order: 12,
  menu: [{ key: 'onemap', path: '/map', permission: 'map:read' }],
  routes: [{ path: 'map', name: 'onemap', component: () => import('./MapView.vue') }],
  messages: {
    'zh-CN': {
      menu: { onemap: '物管一张图' },
      onemap: {
        title: '物管一张图', theme: '专题图层', base: '底图', legend: '图例', goTo: '定位小区', none: '无', empty: '没有记录',
        feeUnit: '元/㎡·月', current: '本期', urgent: '紧急', noCompany: '该小区暂无物业服务企业', noCommittee: '该小区暂未成立业主委员会',
        countShown: '显示 {n} 个小区', countClustered: '{n} 个小区（已聚合，放大查看）', total: '共 {n} 条',
        count: '参与 {n} / {of}', score: '满意度 {score} 分 · 参与率 {rate}%', rank: '第 {rank} 名 / {of}',
        themes: { none: '小区分布', 'complaint-density': '投诉密度', 'credit-grade': '信用等级', 'assessment-result': '考核结果', 'open-repairs': '未办结报修' },
        baseStatus: { stale: '底图服务中断，显示缓存', unavailable: '底图暂不可用', none: '底图未配置' },
        panel: panelNames('概况', '物业企业', '业委会', '招投标', '投票', '公告', '投诉', '巡查', '报修', '满意度'),
        f: {
          name: '名称', address: '地址', community: '社区', developer: '开发建设单位', company: '物业服务企业', fee: '物业费标准',
          size: '规模', sizeValue: '{b} 栋 · {h} 户', location: '经纬度', overview: '概况', legal: '法定代表人', grade: '资质等级',
          certificate: '证书编号', contact: '联系人', phone: '电话', office: '办公地址', estates: '在管小区', head: '主任',
          members: '委员人数', term: '任期',
        },
        subject: { COMPANY: '物业服务企业', COMMITTEE: '业主委员会' },
      },
    },
    'zh-TW': {
      menu: { onemap: '物管一張圖' },
      onemap: {
        title: '物管一張圖', theme: '專題圖層', base: '底圖', legend: '圖例', goTo: '定位小區', none: '無', empty: '沒有記錄',
        feeUnit: '元/㎡·月', current: '本期', urgent: '緊急', noCompany: '該小區暫無物業服務企業', noCommittee: '該小區暫未成立業主委員會',
        countShown: '顯示 {n} 個小區', countClustered: '{n} 個小區（已聚合，放大查看）', total: '共 {n} 條',
        count: '參與 {n} / {of}', score: '滿意度 {score} 分 · 參與率 {rate}%', rank: '第 {rank} 名 / {of}',
        themes: { none: '小區分佈', 'complaint-density': '投訴密度', 'credit-grade': '信用等級', 'assessment-result': '考核結果', 'open-repairs': '未辦結報修' },
        baseStatus: { stale: '底圖服務中斷，顯示快取', unavailable: '底圖暫不可用', none: '底圖未設定' },
        panel: panelNames('概況', '物業企業', '業委會', '招投標', '投票', '公告', '投訴', '巡查', '報修', '滿意度'),
        f: {
          name: '名稱', address: '地址', community: '社區', developer: '開發建設單位', company: '物業服務企業', fee: '物業費標準',
          size: '規模', sizeValue: '{b} 棟 · {h} 戶', location: '經緯度', overview: '概況', legal: '法定代表人', grade: '資質等級',
          certificate: '證書編號', contact: '聯絡人', phone: '電話', office: '辦公地址', estates: '在管小區', head: '主任',
          members: '委員人數', term: '任期',
        },
        subject: { COMPANY: '物業服務企業', COMMITTEE: '業主委員會' },
      },
    },
    pt: {
      menu: { onemap: 'Mapa único' },
      onemap: {
        title: 'Mapa único da administração predial', theme: 'Camada temática', base: 'Mapa de base', legend: 'Legenda', goTo: 'Ir para o condomínio',
        none: 'Nenhum', empty: 'Sem registos', feeUnit: 'yuan/m² por mês', current: 'Atual', urgent: 'Urgente',
        noCompany: 'O condomínio não tem empresa de administração', noCommittee: 'O condomínio ainda não tem comissão de proprietários',
        countShown: '{n} condomínios', countClustered: '{n} condomínios (agrupados; aproxime)', total: '{n} no total',
        count: '{n} de {of} participaram', score: 'Satisfação {score} · participação {rate}%', rank: '{rank}.º de {of}',
        themes: { none: 'Condomínios', 'complaint-density': 'Densidade de queixas', 'credit-grade': 'Classe de crédito', 'assessment-result': 'Resultado da avaliação', 'open-repairs': 'Reparações pendentes' },
        baseStatus: { stale: 'Serviço do mapa de base em baixo; mosaicos da cache', unavailable: 'Mapa de base indisponível', none: 'Mapa de base não configurado' },
        panel: panelNames('Resumo', 'Empresa', 'Comissão', 'Concursos', 'Votações', 'Avisos', 'Queixas', 'Inspeções', 'Reparações', 'Satisfação'),
        f: {
          name: 'Nome', address: 'Morada', community: 'Comunidade', developer: 'Promotor', company: 'Empresa de administração', fee: 'Taxa de administração',
          size: 'Dimensão', sizeValue: '{b} edifícios · {h} frações', location: 'Longitude, latitude', overview: 'Resumo', legal: 'Representante legal',
          grade: 'Classe de qualificação', certificate: 'N.º do certificado', contact: 'Contacto', phone: 'Telefone', office: 'Escritório',
          estates: 'Condomínios administrados', head: 'Presidente', members: 'Membros', term: 'Mandato',
        },
        subject: { COMPANY: 'Empresa de administração', COMMITTEE: 'Comissão de proprietários' },
      },
    },
    en: {
      menu: { onemap: 'One map' },
      onemap: {
        title: 'The one map', theme: 'Thematic layer', base: 'Base map', legend: 'Legend', goTo: 'Go to an estate', none: 'None', empty: 'No records',
        feeUnit: 'yuan/m² a month', current: 'Current', urgent: 'Urgent', noCompany: 'The estate has no property company',
        noCommittee: 'The estate has no owners\' committee yet', countShown: '{n} estates', countClustered: '{n} estates (clustered; zoom in)',
        total: '{n} in all', count: '{n} of {of} took part', score: 'Satisfaction {score} · response {rate}%', rank: 'rank {rank} of {of}',
        themes: { none: 'Estates', 'complaint-density': 'Complaint density', 'credit-grade': 'Credit grade', 'assessment-result': 'Assessment result', 'open-repairs': 'Open repairs' },
        baseStatus: { stale: 'Base map service down; cached tiles', unavailable: 'Base map unavailable', none: 'No base map configured' },
        panel: panelNames('Overview', 'Company', 'Committee', 'Tenders', 'Votes', 'Notices', 'Complaints', 'Patrols', 'Repairs', 'Satisfaction'),
        f: {
          name: 'Name', address: 'Address', community: 'Community', developer: 'Developer', company: 'Property company', fee: 'Property fee',
          size: 'Size', sizeValue: '{b} buildings · {h} households', location: 'Longitude, latitude', overview: 'Overview', legal: 'Legal representative',
          grade: 'Qualification grade', certificate: 'Certificate number', contact: 'Contact', phone: 'Phone', office: 'Office address',
          estates: 'Estates managed', head: 'Head', members: 'Members', term: 'Term',
        },
        subject: { COMPANY: 'Property company', COMMITTEE: 'Owners\' committee' },
      },
    },
  },
};
