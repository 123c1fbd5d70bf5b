// 简体中文 (default). The same keys and {placeholders} in zh-TW.js, pt.js and en.js (test/i18n.test.js); the terms are
// those of docs/glossary.md and the portal's and the console's texts.
module.exports = {
  lang: { name: '简体中文' },
  app: { title: '横琴智慧物业' },
  common: {
    loading: '加载中…', empty: '暂无记录', more: '加载更多', submit: '提交', cancel: '取消', close: '关闭', colon: '：',
    network: '无法连接平台，请检查网络后重试', rateLimited: '访问过于频繁，请 {seconds} 秒后再试',
  },
  tabs: { home: '首页', map: '一张图', work: '办事', me: '我的' },
  roles: { PUBLIC: '未登录', OWNER: '业主', COMMITTEE: '业主委员会', COMPANY: '物业服务企业', OTHER: '平台账号' },
  work: {
    tab: { PUBLIC: '办事', OWNER: '业主服务', COMMITTEE: '业委会', COMPANY: '企业办理', OTHER: '办事' },
    heading: { PUBLIC: '办事', OWNER: '业主服务', COMMITTEE: '业主委员会工作', COMPANY: '物业服务企业工作', OTHER: '我的工作' },
    intro: {
      PUBLIC: '登录后办理。', OWNER: '核验房屋、报修、投诉、参加投票和满意度评价。',
      COMMITTEE: '督办本小区的报修和投诉，提交报修和投诉，查看投票，评价物业服务企业。',
      COMPANY: '受理和办理所管小区的报修、投诉和巡查任务。', OTHER: '按您的权限可办理的事项。',
    },
    items: {
      houses: '我的房屋', newRepair: '我要报修', repairs: '报修进度', newComplaint: '我要投诉', complaints: '投诉进度',
      patrols: '巡查任务', votes: '业主投票', surveys: '满意度评价', notifications: '我的消息',
    },
    none: '此账号在小程序中暂无可办理的事项，请使用门户或管理平台。',
  },
  home: {
    heading: '物业服务，公开透明', intro: '查看通知公告、政策法规和信息公示；业主登录后可核验房屋、报修、投诉、投票和评价。',
    services: '公开服务', notices: '通知公告', policies: '政策法规', disclosure: '信息公示', receipt: '投票回执核验', latest: '最新公告',
  },
  publishing: { urgent: '紧急', repealed: '已废止', until: '有效期至' },
  login: {
    title: '登录', heading: '登录横琴智慧物业', intro: '使用微信登录；首次使用须完成实名认证或绑定业主委员会、物业服务企业的账号。',
    wechat: '微信一键登录', wechatHint: '平台只凭微信登录凭证识别本小程序的用户，不会获取您的微信密码。',
    bindIntro: '此微信尚未绑定平台账号，请选择绑定方式。',
    realName: '广东省统一身份认证', realNameHint: '业主请用实名认证绑定：完成“粤省事”实名认证的账号即可。', realNameGo: '实名认证并绑定',
    realNameUnavailable: '本平台未启用广东省统一身份认证，请联系物业服务企业或使用账号绑定。', realNameFailed: '无法打开统一身份认证页面，请稍后重试。',
    staff: '账号绑定', staffHint: '业主委员会、物业服务企业的工作人员使用平台分配的账号和密码绑定。',
    username: '账号', password: '密码', totp: '动态口令', totpHint: '此账号已启用动态口令，请输入动态口令（TOTP）', bind: '绑定并登录',
    browse: '先浏览公开信息', limited: '此账号须先修改初始密码或启用动态口令，请在门户或管理平台完成后再来。',
    failed: '登录未成功，请重试', wxFailed: '无法获取微信登录凭证，请重试',
    idpError: {
      idp: {
        notReal: '该省统一身份认证账号尚未完成实名认证，请先在“粤省事”或广东政务服务网完成实名认证后再登录',
        lowTrust: '该账号的认证等级低于本平台的要求，请提升认证等级后再登录',
        state: '登录请求已失效或被重复使用，请重新登录', failed: '省统一身份认证平台返回错误，请稍后重新登录',
      },
      auth: { disabled: '账号已停用，请联系系统管理员' },
      other: '统一身份认证登录未成功，请重新登录',
    },
  },
  bind: { title: '绑定微信', working: '正在绑定…', noCode: '缺少认证结果，请重新进行实名认证。', back: '返回登录' },
  me: {
    signedOut: '未登录', signedOutHint: '登录后可核验房屋、报修、投诉、投票和评价。', login: '登录', logout: '退出登录',
    bindings: '切换身份', bindingsHint: '此账号现可代表以下身份办理，选择一项后立即生效。', active: '当前', switched: '已切换身份',
    unbind: '解除微信绑定', language: '语言', platform: '平台地址',
  },
  status: {
    complaint: { REGISTERED: '已登记', DISPATCHED: '已分派', IN_PROGRESS: '办理中', WAITING: '等待投诉人补充', RESOLVED: '已办结', CLOSED: '已结案', REOPENED: '重新处理', REJECTED: '不予受理' },
    repair: { REQUESTED: '待受理', ACCEPTED: '已受理', SCHEDULED: '已预约上门', COMPLETED: '已完成', CONFIRMED: '已确认', REOPENED: '重新维修', REJECTED: '不予受理' },
    patrol: { OPEN: '待巡查', INSPECTED: '已巡查', CLOSED: '已办结' },
    vote: { DRAFT: '草稿', NOTICED: '已公告', OPEN: '投票中', CLOSED: '投票已截止', PUBLISHED: '结果已公布', SUSPENDED: '已中止', CANCELLED: '已取消' },
    house: { HELD: '已核验' },
  },
  categories: {
    complaint: { ENQUIRY: '咨询', COMPLAINT: '投诉', REPORT: '举报', HELP: '求助' },
    repair: { NORMAL: '一般维修', MAJOR: '重大维修', EMERGENCY: '紧急维修' },
  },
  houses: {
    title: '我的房屋', intro: '本人名下的房屋；核验即向不动产登记系统查询产权。', verifyAll: '按实名身份核验全部房屋', verify: '核验产权',
    verified: '已核验', notHeld: '未核验通过', notVerified: '未核验', certificate: '不动产权证号', area: '专有部分面积', unitCode: '不动产单元号',
    empty: '暂无房屋', verifyDone: '核验完成：{n} 套房屋',
    reasons: { NOT_OWNER: '登记的权利人不是本人', NAME_MISMATCH: '姓名不一致', UNIT_UNKNOWN: '登记系统中无此单元' },
  },
  cases: {
    title: { repair: '报修', complaint: '投诉', patrol: '巡查任务' },
    one: { repair: '报修详情', complaint: '投诉详情', patrol: '巡查任务详情' },
    create: { repair: '我要报修', complaint: '我要投诉' },
    filter: '按状态筛选', all: '全部', overdue: '已超期', commonArea: '公共区域', estate: '小区', category: '类别', where: '房屋 / 位置',
    description: '报修内容', requester: '报修人', requestedAt: '报修时间', appointmentAt: '上门时间', dueAt: '办理期限', report: '维修情况',
    completedAt: '完成时间', reason: '原因', subject: '标题', content: '内容', to: '投诉对象', complainant: '投诉人', registeredAt: '登记时间',
    result: '处理结果', findings: '巡查发现', fix: '整改情况', createdAt: '创建时间', closedAt: '办结时间', photos: '照片',
    reportPhotos: '维修完成照片', findingPhotos: '巡查照片', fixPhotos: '整改照片', steps: '可办理的步骤', timeline: '办理进度', done: '已办理',
    action: {
      complaint: { create: '登记投诉', dispatch: '分派', forward: '转交企业', accept: '受理', wait: '等待投诉人补充', resume: '恢复办理', resolve: '办结', close: '结案', autoClose: '逾期未确认，自动结案', reopen: '重新处理', reject: '不予受理' },
      repair: { create: '提交报修', accept: '受理', schedule: '预约上门', reschedule: '改约上门时间', complete: '维修完成并反馈', confirm: '确认完成', autoConfirm: '逾期未确认，自动确认', reopen: '申请重新维修', reject: '不予受理' },
      patrol: { createTask: '生成巡查任务', inspect: '记录巡查发现', close: '整改完成，任务办结' },
    },
    transition: {
      complaint: { accept: '受理', wait: '等待投诉人补充', resume: '恢复办理', resolve: '办结', close: '确认结案', reopen: '重新处理', reject: '不予受理' },
      repair: { accept: '受理', schedule: '预约上门', complete: '维修完成', confirm: '确认完成', reopen: '申请重新维修', reject: '不予受理' },
      patrol: { inspect: '记录巡查发现', close: '整改完成' },
    },
    field: {
      note: '备注', result: '处理结果', reason: '原因', report: '维修情况', findings: '巡查发现', fix: '整改情况', appointmentAt: '上门时间',
      photos: '照片', day: '日期', time: '时间',
    },
  },
  repairForm: { title: '我要报修', target: '报修范围', house: '我的房屋', location: '具体位置', contactPhone: '联系电话（不填则用账号的电话）' },
  complaintForm: { title: '我要投诉', toCompany: '物业服务企业', toRegulator: '物业主管部门' },
  photos: {
    add: '添加照片', remove: '删除照片', photo: '照片', uploading: '上传中…', limit: 'JPEG / PNG，最多 9 张，每张不超过 10 MB',
    readFailed: '无法读取所选照片',
  },
  votes: {
    title: '业主投票', notElector: '您不在本次投票的业主名册中（房屋产权未核验或投票开始后才核验）。',
    paper: '您的选票已由业主委员会按纸质选票录入。', chooseOne: '请至少对一个表决事项作出选择', cast: '投票', change: '修改选票',
    castDone: '投票已提交，请保存回执', receipts: '我的回执', receiptHint: '回执可在“投票回执核验”中查询是否计入结果，不显示姓名。',
    copy: '复制回执', check: '核验回执', result: '表决结果',
    outcome: { PASSED: '通过', FAILED: '未通过', NO_QUORUM: '未达到参与比例' },
    choice: { AGREE: '同意', DISAGREE: '反对', ABSTAIN: '弃权' },
    receiptTitle: '投票回执核验', receiptIntro: '输入 64 位回执，查询该选票是否计入结果。', receiptInvalid: '回执应为 64 位十六进制字符',
    receiptUnknown: '未找到此回执', receiptState: { counted: '已计入结果', superseded: '已被修改后的选票取代', notCounted: '未计入结果' },
  },
  surveys: {
    title: '满意度评价', answered: '已评价', toAnswer: '待评价', empty: '暂无需要评价的调查', notOpen: '此调查已结束或不需要您评价',
    estate: '评价的小区', score: '评分', missing: '请回答必答题：{list}', done: '感谢您的评价，已提交。',
  },
  map: {
    title: '物管一张图', hint: '拖动、缩放地图查看小区；点击小区查看信息', cluster: '{n} 个小区，点击放大',
    address: '地址', community: '社区', developer: '开发建设单位', company: '物业服务企业', fee: '物业费标准', feeUnit: '元/㎡·月',
    buildings: '楼栋', houses: '房屋',
  },
  notifications: { title: '我的消息', unread: '未读' },
  disclosure: {
    title: '信息公示', intro: '以下信息依法公开，个人信息已脱敏。', blacklisted: '黑名单',
    tabs: { credit: '企业信用', companies: '物业服务企业', committees: '业主委员会', tenders: '招投标', votes: '投票结果', patrols: '巡查结果', top10: '考核 TOP10' },
  },
};
