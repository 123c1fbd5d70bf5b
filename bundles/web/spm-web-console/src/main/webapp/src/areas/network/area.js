// Operations (issue 13 item 2, OPS-1): the IP ban list (GET/POST/DELETE /ops/ip-bans, ops:ip-ban) and the admin allow-list.
export default {
  order: 95,
  menu: [{ key: 'network', path: '/network', permission: 'ops:ip-ban' }],
  routes: [{ path: 'network', name: 'network', component: () => import('./NetworkView.vue') }],
  messages: {
    'zh-CN': {
      menu: { network: 'IP 封禁与白名单' },
      network: {
        title: 'IP 封禁与管理白名单', bans: 'IP 封禁列表', cidr: 'IP 地址或网段（CIDR）', reason: '原因', createdBy: '操作人',
        createdAt: '时间', add: '封禁', remove: '解除封禁', removeConfirm: '解除对 {cidr} 的封禁？', yes: '确定', no: '取消',
        empty: '没有被封禁的地址', banned: '已封禁 {cidr}，各节点 1 秒内生效', unbanned: '已解除对 {cidr} 的封禁',
        rules: '不能封禁过宽的网段、回环地址或您自己的地址。', refused: '操作被拒绝',
        allow: '管理白名单', allowHint: '管理与运维接口只接受来自回环地址、配置项 network.adminAllow 和白名单表中网段的请求。平台目前没有管理白名单的接口，请在节点上使用命令行：',
      },
    },
    'zh-TW': {
      menu: { network: 'IP 封鎖與白名單' },
      network: {
        title: 'IP 封鎖與管理白名單', bans: 'IP 封鎖列表', cidr: 'IP 位址或網段（CIDR）', reason: '原因', createdBy: '操作人',
        createdAt: '時間', add: '封鎖', remove: '解除封鎖', removeConfirm: '解除對 {cidr} 的封鎖？', yes: '確定', no: '取消',
        empty: '沒有被封鎖的位址', banned: '已封鎖 {cidr}，各節點 1 秒內生效', unbanned: '已解除對 {cidr} 的封鎖',
        rules: '不能封鎖過寬的網段、迴環位址或您自己的位址。', refused: '操作被拒絕',
        allow: '管理白名單', allowHint: '管理與運維介面只接受來自迴環位址、設定項 network.adminAllow 和白名單表中網段的請求。平台目前沒有管理白名單的介面，請在節點上使用命令列：',
      },
    },
    pt: {
      menu: { network: 'Bloqueios de IP' },
      network: {
        title: 'Bloqueios de IP e lista de acesso de administração', bans: 'Endereços IP bloqueados', cidr: 'Endereço IP ou intervalo (CIDR)',
        reason: 'Motivo', createdBy: 'Autor', createdAt: 'Hora', add: 'Bloquear', remove: 'Desbloquear',
        removeConfirm: 'Desbloquear {cidr}?', yes: 'Confirmar', no: 'Cancelar', empty: 'Nenhum endereço bloqueado',
        banned: '{cidr} bloqueado; todos os nós aplicam-no em 1 segundo', unbanned: '{cidr} desbloqueado',
        rules: 'Não é possível bloquear intervalos demasiado amplos, o loopback nem o seu próprio endereço.', refused: 'Operação recusada',
        allow: 'Lista de acesso de administração',
        allowHint: 'Os serviços de administração e operações só respondem a pedidos do loopback, de network.adminAllow e dos intervalos da lista de acesso. A plataforma ainda não tem API para esta lista; use a linha de comandos no nó:',
      },
    },
    en: {
      menu: { network: 'IP bans and allow-list' },
      network: {
        title: 'IP bans and the admin allow-list', bans: 'Banned addresses', cidr: 'IP address or range (CIDR)', reason: 'Reason',
        createdBy: 'By', createdAt: 'Time', add: 'Ban', remove: 'Lift the ban', removeConfirm: 'Lift the ban of {cidr}?', yes: 'Confirm',
        no: 'Cancel', empty: 'No address is banned', banned: 'Banned {cidr}; every node applies it within 1 second', unbanned: 'Lifted the ban of {cidr}',
        rules: 'Ranges that are too broad, loopback and your own address cannot be banned.', refused: 'Refused',
        allow: 'Admin allow-list',
        allowHint: 'Admin and ops endpoints answer only from loopback, network.adminAllow and the ranges of the allow-list. The platform has no API for the allow-list yet; use the command line on the node:',
      },
    },
  },
};
