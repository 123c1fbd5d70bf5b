// Operations (issue 13 item 2, OPS-2, OPS-6): liveness and readiness (GET /health, /health/ready: the summaries and details
// with ops:health) and this node's metrics (GET /metrics, Prometheus text, metrics:read).
export default {
  order: 96,
  menu: [{ key: 'health', path: '/health', anyOf: ['ops:health', 'metrics:read'] }],
  routes: [{ path: 'health', name: 'health', component: () => import('./HealthView.vue') }],
  messages: {
    'zh-CN': {
      menu: { health: '健康与指标' },
      health: {
        title: '健康检查与运行指标', refresh: '刷新', live: '存活', ready: '就绪', serving: '可对外服务', notServing: '不能对外服务',
        overall: '总体状态', check: '检查项', status: '状态', gate: '影响就绪', summary: '说明', details: '详情', time: '时间',
        metrics: '运行指标（本节点，自启动以来）', requests: '请求数（按接口分组与状态类别）', group: '接口分组', count: '请求数',
        meanMs: '平均耗时（毫秒）', gauges: '运行状态', noMetrics: '没有查看运行指标的权限', yes: '是', no: '否',
        heapUsed: '堆内存已用', heapMax: '堆内存上限', nonHeap: '非堆内存已用', threads: '线程数', uptime: '运行时间',
        poolActive: '数据库连接（使用中）', poolIdle: '数据库连接（空闲）', poolTotal: '数据库连接（总数）', poolPending: '等待连接的线程',
        pendingMinutes: '待写入的统计分钟数', flushFailures: '统计写入失败次数', lastFlush: '最近一次写入统计',
      },
    },
    'zh-TW': {
      menu: { health: '健康與指標' },
      health: {
        title: '健康檢查與運行指標', refresh: '重新整理', live: '存活', ready: '就緒', serving: '可對外服務', notServing: '不能對外服務',
        overall: '總體狀態', check: '檢查項', status: '狀態', gate: '影響就緒', summary: '說明', details: '詳情', time: '時間',
        metrics: '運行指標（本節點，自啟動以來）', requests: '請求數（按介面分組與狀態類別）', group: '介面分組', count: '請求數',
        meanMs: '平均耗時（毫秒）', gauges: '運行狀態', noMetrics: '沒有查看運行指標的權限', yes: '是', no: '否',
        heapUsed: '堆積記憶體已用', heapMax: '堆積記憶體上限', nonHeap: '非堆積記憶體已用', threads: '執行緒數', uptime: '運行時間',
        poolActive: '資料庫連線（使用中）', poolIdle: '資料庫連線（閒置）', poolTotal: '資料庫連線（總數）', poolPending: '等待連線的執行緒',
        pendingMinutes: '待寫入的統計分鐘數', flushFailures: '統計寫入失敗次數', lastFlush: '最近一次寫入統計',
      },
    },
    pt: {
      menu: { health: 'Estado e métricas' },
      health: {
        title: 'Verificações de estado e métricas', refresh: 'Atualizar', live: 'Ativo', ready: 'Pronto', serving: 'A servir',
        notServing: 'Não pode servir', overall: 'Estado geral', check: 'Verificação', status: 'Estado', gate: 'Condiciona a prontidão',
        summary: 'Resumo', details: 'Detalhes', time: 'Hora', metrics: 'Métricas (este nó, desde o arranque)',
        requests: 'Pedidos (por grupo de serviços e classe de estado)', group: 'Grupo', count: 'Pedidos', meanMs: 'Tempo médio (ms)',
        gauges: 'Funcionamento', noMetrics: 'Sem permissão para ver as métricas', yes: 'Sim', no: 'Não',
        heapUsed: 'Memória heap usada', heapMax: 'Memória heap máxima', nonHeap: 'Memória não heap usada', threads: 'Threads',
        uptime: 'Tempo de funcionamento', poolActive: 'Ligações à base de dados (ativas)', poolIdle: 'Ligações à base de dados (livres)',
        poolTotal: 'Ligações à base de dados (total)', poolPending: 'Threads à espera de ligação',
        pendingMinutes: 'Minutos de estatísticas por gravar', flushFailures: 'Falhas ao gravar estatísticas', lastFlush: 'Última gravação de estatísticas',
      },
    },
    en: {
      menu: { health: 'Health and metrics' },
      health: {
        title: 'Health checks and metrics', refresh: 'Refresh', live: 'Alive', ready: 'Ready', serving: 'Serving', notServing: 'Not serving',
        overall: 'Overall status', check: 'Check', status: 'Status', gate: 'Gates readiness', summary: 'Summary', details: 'Details', time: 'Time',
        metrics: 'Metrics (this node, since it started)', requests: 'Requests (by endpoint group and status class)', group: 'Group',
        count: 'Requests', meanMs: 'Mean time (ms)', gauges: 'Runtime', noMetrics: 'No permission to read the metrics', yes: 'Yes', no: 'No',
        heapUsed: 'Heap used', heapMax: 'Heap max', nonHeap: 'Non-heap used', threads: 'Threads', uptime: 'Uptime',
        poolActive: 'Database connections (active)', poolIdle: 'Database connections (idle)', poolTotal: 'Database connections (total)',
        poolPending: 'Threads waiting for a connection', pendingMinutes: 'Statistics minutes not yet written',
        flushFailures: 'Statistics write failures', lastFlush: 'Statistics last written',
      },
    },
  },
};
