// The public map's estate panel texts (issue 17 part 2: PMAP, MAP-2..7), merged into src/messages.js under `mapPanel`;
// the four languages have the same keys (test/i18n.test.js).
export default {
  'zh-CN': {
    company: '物业服务企业', committee: '业主委员会', legal: '法定代表人', grade: '资质等级', certificate: '资质证书编号', phone: '电话',
    office: '办公地址', managed: '在管小区', head: '主任', members: '委员人数', term: '任期', address: '地址',
    noCompany: '该小区暂无物业服务企业信息', noCommittee: '该小区暂未公示业主委员会', managedCount: '{n} 个小区', error: '未能读取：{what}',
  },
  'zh-TW': {
    company: '物業服務企業', committee: '業主委員會', legal: '法定代表人', grade: '資質等級', certificate: '資質證書編號', phone: '電話',
    office: '辦公地址', managed: '在管屋苑', head: '主任', members: '委員人數', term: '任期', address: '地址',
    noCompany: '該屋苑暫無物業服務企業資訊', noCommittee: '該屋苑暫未公示業主委員會', managedCount: '{n} 個屋苑', error: '未能讀取：{what}',
  },
  pt: {
    company: 'Empresa de administração', committee: 'Comissão de proprietários', legal: 'Representante legal', grade: 'Classe de qualificação',
    certificate: 'N.º do certificado', phone: 'Telefone', office: 'Escritório', managed: 'Condomínios administrados', head: 'Presidente',
    members: 'Membros', term: 'Mandato', address: 'Morada', noCompany: 'Sem empresa de administração registada',
    noCommittee: 'Sem comissão de proprietários divulgada', managedCount: '{n} condomínios', error: 'Não foi possível ler: {what}',
  },
  en: {
    company: 'Property company', committee: 'Owners\' committee', legal: 'Legal representative', grade: 'Qualification grade',
    certificate: 'Certificate number', phone: 'Phone', office: 'Office address', managed: 'Estates managed', head: 'Head',
    members: 'Members', term: 'Term', address: 'Address', noCompany: 'No property company on record', noCommittee: 'No owners\' committee published',
    managedCount: '{n} estates', error: 'Could not read: {what}',
  },
};
