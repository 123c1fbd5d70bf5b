// The security auditor's pages (issue 13 item 2, 三权分立, ID-3): the audit log searched by time range, actor, action and
// object kind, paged by the API, and the hash chain check (GET /audit/verify) with the first broken row.
export default {
  order: 90,
  menu: [{ key: 'audit', path: '/audit', permission: 'audit:read' }],
  routes: [{ path: 'audit', name: 'audit', component: () => import('./AuditView.vue') }],
  messages: {
    'zh-CN': {
      menu: { audit: '审计日志' },
      audit: {
        title: '审计日志', range: '时间范围', from: '开始时间', to: '结束时间', actor: '操作人', action: '操作（可用 * 通配）',
        objectType: '对象类型', objectId: '对象编号', outcome: '结果', summary: '详情', at: '时间', seq: '序号', clientIp: 'IP 地址',
        find: '查询', reset: '清空条件', empty: '没有符合条件的审计记录', any: '全部',
        lastHour: '最近 1 小时', lastDay: '最近 24 小时', lastWeek: '最近 7 天', lastMonth: '最近 30 天',
        verify: '校验哈希链', verifying: '正在校验…', verifyTitle: '哈希链校验',
        intact: '哈希链完整：已校验 {n} 条记录，未发现篡改。',
        broken: '哈希链在第 {seq} 条记录处断开', brokenAt: '该记录的时间：{at}', checkedBefore: '此前 {n} 条记录校验通过。',
        reason_content: '该记录写入后被修改（内容与哈希不符）', reason_link: '该记录的前序哈希与上一条记录不符', reason_gap: '记录缺失（序号不连续）',
        reason_other: '原因：{reason}',
      },
    },
    'zh-TW': {
      menu: { audit: '審計日誌' },
      audit: {
        title: '審計日誌', range: '時間範圍', from: '開始時間', to: '結束時間', actor: '操作人', action: '操作（可用 * 萬用字元）',
        objectType: '物件類型', objectId: '物件編號', outcome: '結果', summary: '詳情', at: '時間', seq: '序號', clientIp: 'IP 位址',
        find: '查詢', reset: '清除條件', empty: '沒有符合條件的審計紀錄', any: '全部',
        lastHour: '最近 1 小時', lastDay: '最近 24 小時', lastWeek: '最近 7 天', lastMonth: '最近 30 天',
        verify: '校驗雜湊鏈', verifying: '正在校驗…', verifyTitle: '雜湊鏈校驗',
        intact: '雜湊鏈完整：已校驗 {n} 筆紀錄，未發現竄改。',
        broken: '雜湊鏈在第 {seq} 筆紀錄處斷開', brokenAt: '該紀錄的時間：{at}', checkedBefore: '此前 {n} 筆紀錄校驗通過。',
        reason_content: '該紀錄寫入後被修改（內容與雜湊不符）', reason_link: '該紀錄的前序雜湊與上一筆紀錄不符', reason_gap: '紀錄缺失（序號不連續）',
        reason_other: '原因：{reason}',
      },
    },
    pt: {
      menu: { audit: 'Registo de auditoria' },
      audit: {
        title: 'Registo de auditoria', range: 'Período', from: 'Início', to: 'Fim', actor: 'Autor', action: 'Ação (* como curinga)',
        objectType: 'Tipo de objeto', objectId: 'N.º do objeto', outcome: 'Resultado', summary: 'Detalhes', at: 'Hora', seq: 'N.º',
        clientIp: 'Endereço IP', find: 'Procurar', reset: 'Limpar filtros', empty: 'Nenhum registo de auditoria', any: 'Todos',
        lastHour: 'Última hora', lastDay: 'Últimas 24 horas', lastWeek: 'Últimos 7 dias', lastMonth: 'Últimos 30 dias',
        verify: 'Verificar a cadeia de hashes', verifying: 'A verificar…', verifyTitle: 'Verificação da cadeia de hashes',
        intact: 'Cadeia íntegra: {n} registos verificados, nenhuma alteração encontrada.',
        broken: 'Cadeia quebrada no registo n.º {seq}', brokenAt: 'Hora do registo: {at}', checkedBefore: 'Os {n} registos anteriores estão corretos.',
        reason_content: 'O registo foi alterado depois de escrito (o conteúdo não corresponde ao hash)',
        reason_link: 'O hash anterior do registo não corresponde ao registo precedente', reason_gap: 'Falta um registo (numeração com lacuna)',
        reason_other: 'Motivo: {reason}',
      },
    },
    en: {
      menu: { audit: 'Audit log' },
      audit: {
        title: 'Audit log', range: 'Time range', from: 'From', to: 'To', actor: 'Actor', action: 'Action (* wildcard)',
        objectType: 'Object kind', objectId: 'Object no.', outcome: 'Outcome', summary: 'Details', at: 'Time', seq: 'No.',
        clientIp: 'IP address', find: 'Search', reset: 'Clear filters', empty: 'No audit records match', any: 'All',
        lastHour: 'Last hour', lastDay: 'Last 24 hours', lastWeek: 'Last 7 days', lastMonth: 'Last 30 days',
        verify: 'Verify the hash chain', verifying: 'Verifying…', verifyTitle: 'Hash chain check',
        intact: 'The chain is intact: {n} records checked, no tampering found.',
        broken: 'The chain is broken at record no. {seq}', brokenAt: 'Time of that record: {at}', checkedBefore: 'The {n} records before it are intact.',
        reason_content: 'The record was changed after it was written (its content does not match its hash)',
        reason_link: 'The record does not link to the hash of the record before it', reason_gap: 'A record is missing (gap in the numbers)',
        reason_other: 'Reason: {reason}',
      },
    },
  },
};
