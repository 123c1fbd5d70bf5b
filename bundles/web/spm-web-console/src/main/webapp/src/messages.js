// UI texts in the four languages of the API (issue 13); the terms are those of docs/glossary.md.
// The shell's texts are here; each area (src/areas/<area>/area.js) brings its own, merged in below.
import { areaMessages } from './areas/index.js';

/** Deep merge of message trees: b's leaves win, a's other leaves stay. */
export function mergeMessages(a, b) {
  const out = { ...a };
  for (const [k, v] of Object.entries(b || {})) {
    out[k] = v && typeof v === 'object' && a && typeof a[k] === 'object' ? mergeMessages(a[k], v) : v;
  }
  return out;
}

const core = {
  'zh-CN': {
    app: { title: '横琴智慧物业监管平台', short: '智慧物业' },
    lang: { label: '语言' },
    login: {
      title: '登录', username: '账号', password: '密码', totp: '动态口令', submit: '登录',
      totpHint: '请输入动态口令（TOTP）', totpEnrol: '此账号须先绑定动态口令，请联系安全管理员。',
      required: '必填',
      or: '或', zwy: '粤政易登录', zwyUnavailable: '本平台未启用粤政易登录，请使用账号密码登录。',
      idpError: {
        idp: {
          notLinked: '该粤政易账号尚未关联本平台的工作人员账号，请联系系统管理员关联',
          adminNeedsTotp: '管理员账号不能通过粤政易登录，请使用账号密码和动态口令登录',
          staffOnly: '只有监管部门工作人员（监管、经办、检查人员）可以通过粤政易登录',
          state: '登录请求已失效或被重复使用，请重新登录',
          failed: '粤政易返回错误，请稍后重新登录',
        },
        auth: { disabled: '账号已停用，请联系系统管理员' },
        other: '粤政易登录未成功，请重新登录或使用账号密码登录',
      },
    },
    password: {
      title: '修改密码', reason: '首次登录或密码已过期，须修改密码后才能继续。', current: '当前密码',
      new: '新密码', confirm: '确认新密码', mismatch: '两次输入的新密码不一致', submit: '修改密码',
      changed: '密码已修改，请重新登录。',
    },
    menu: { home: '首页' },
    home: { welcome: '欢迎，{name}', roles: '角色', scope: '数据范围', permissions: '权限数',
      openComplaints: '待办投诉', openRepairs: '待办报修', near: '临近期限', overdue: '已超期', overdueList: '已超期事项', nearList: '临近期限事项', byStatus: '投诉（按状态）', notices: '最新通知', item: '事项', due: '办理期限', none: '暂无',
      status: { REGISTERED: '已登记', DISPATCHED: '已分派', IN_PROGRESS: '办理中', WAITING: '暂停', RESOLVED: '已办结', CLOSED: '已关闭', REOPENED: '已重启', REJECTED: '不予受理' },
    },
    scope: { ALL: '全部小区', COMPANY: '本企业服务的小区', COMMITTEE: '本业委会所在小区', OWNER: '本人房屋', DEVELOPER: '本单位开发建设的小区', NONE: '无' },
    relogin: { title: '登录已失效', reason: '{name} 的登录已过期或已被注销。请重新输入密码，当前页面和未提交的内容会保留。', limited: '此账号须先在登录页完成密码修改或动态口令绑定。', leave: '转到登录页' },
    common: { logout: '退出登录', notYet: '此页面将在后续版本提供。', error: '请求失败', retry: '重试' },
  },
  'zh-TW': {
    app: { title: '橫琴智慧物業監管平台', short: '智慧物業' },
    lang: { label: '語言' },
    login: {
      title: '登入', username: '帳號', password: '密碼', totp: '動態口令', submit: '登入',
      totpHint: '請輸入動態口令（TOTP）', totpEnrol: '此帳號須先綁定動態口令，請聯絡安全管理員。',
      required: '必填',
      or: '或', zwy: '粵政易登入', zwyUnavailable: '本平台未啟用粵政易登入，請使用帳號密碼登入。',
      idpError: {
        idp: {
          notLinked: '該粵政易帳號尚未關聯本平台的工作人員帳號，請聯繫系統管理員關聯',
          adminNeedsTotp: '管理員帳號不能透過粵政易登入，請使用帳號密碼和動態密碼登入',
          staffOnly: '只有監管部門工作人員（監管、經辦、檢查人員）可以透過粵政易登入',
          state: '登入請求已失效或被重複使用，請重新登入',
          failed: '粵政易返回錯誤，請稍後重新登入',
        },
        auth: { disabled: '帳號已停用，請聯繫系統管理員' },
        other: '粵政易登入未成功，請重新登入或使用帳號密碼登入',
      },
    },
    password: {
      title: '修改密碼', reason: '首次登入或密碼已過期，須修改密碼後才能繼續。', current: '目前密碼',
      new: '新密碼', confirm: '確認新密碼', mismatch: '兩次輸入的新密碼不一致', submit: '修改密碼',
      changed: '密碼已修改，請重新登入。',
    },
    menu: { home: '首頁' },
    home: { welcome: '歡迎，{name}', roles: '角色', scope: '資料範圍', permissions: '權限數',
      openComplaints: '待辦投訴', openRepairs: '待辦報修', near: '臨近期限', overdue: '已超期', overdueList: '已超期事項', nearList: '臨近期限事項', byStatus: '投訴（按狀態）', notices: '最新通知', item: '事項', due: '辦理期限', none: '暫無',
      status: { REGISTERED: '已登記', DISPATCHED: '已分派', IN_PROGRESS: '辦理中', WAITING: '暫停', RESOLVED: '已辦結', CLOSED: '已關閉', REOPENED: '已重啟', REJECTED: '不予受理' },
    },
    scope: { ALL: '全部小區', COMPANY: '本企業服務的小區', COMMITTEE: '本業委會所在小區', OWNER: '本人房屋', DEVELOPER: '本單位開發建設的小區', NONE: '無' },
    relogin: { title: '登入已失效', reason: '{name} 的登入已逾時或已被登出。請重新輸入密碼，目前頁面和未提交的內容會保留。', limited: '此帳號須先在登入頁完成密碼修改或動態口令綁定。', leave: '前往登入頁' },
    common: { logout: '登出', notYet: '此頁面將在後續版本提供。', error: '請求失敗', retry: '重試' },
  },
  pt: {
    app: { title: 'Plataforma de supervisão da administração de propriedades de Hengqin', short: 'SmartProperty' },
    lang: { label: 'Língua' },
    login: {
      title: 'Iniciar sessão', username: 'Conta', password: 'Palavra-passe', totp: 'Código de uso único (TOTP)',
      submit: 'Iniciar sessão', totpHint: 'Introduza o código de uso único (TOTP)',
      totpEnrol: 'Esta conta tem de registar primeiro o código de uso único; contacte o administrador de segurança.',
      required: 'Obrigatório',
      or: 'ou', zwy: 'Entrar com a Yue Zheng Yi', zwyUnavailable: 'A entrada com a Yue Zheng Yi não está ativa nesta plataforma; entre com a conta e a palavra-passe.',
      idpError: {
        idp: {
          notLinked: 'Este utilizador da Yue Zheng Yi não está associado a uma conta de funcionário da plataforma; peça ao administrador do sistema que o associe',
          adminNeedsTotp: 'As contas de administrador não podem entrar através da Yue Zheng Yi; entre com a palavra-passe e o código de uso único',
          staffOnly: 'Só o pessoal da entidade reguladora (regulador, técnico, inspetor) pode entrar através da Yue Zheng Yi',
          state: 'O pedido de início de sessão expirou ou já foi usado; recomece',
          failed: 'A Yue Zheng Yi respondeu com um erro; tente de novo mais tarde',
        },
        auth: { disabled: 'A conta está desativada; contacte o administrador do sistema' },
        other: 'A entrada com a Yue Zheng Yi não foi concluída; tente de novo ou entre com a palavra-passe',
      },
    },
    password: {
      title: 'Alterar palavra-passe', reason: 'Primeiro início de sessão ou palavra-passe expirada: altere a palavra-passe para continuar.',
      current: 'Palavra-passe atual', new: 'Nova palavra-passe', confirm: 'Confirmar nova palavra-passe',
      mismatch: 'As novas palavras-passe não coincidem', submit: 'Alterar palavra-passe',
      changed: 'Palavra-passe alterada. Inicie sessão de novo.',
    },
    menu: { home: 'Início' },
    home: { welcome: 'Bem-vindo, {name}', roles: 'Funções', scope: 'Âmbito de dados', permissions: 'Permissões',
      openComplaints: 'Queixas em aberto', openRepairs: 'Reparações em aberto', near: 'Perto do prazo', overdue: 'Prazo ultrapassado', overdueList: 'Casos com prazo ultrapassado', nearList: 'Casos perto do prazo', byStatus: 'Queixas por estado', notices: 'Avisos recentes', item: 'Caso', due: 'Prazo', none: 'Nenhum',
      status: { REGISTERED: 'Registada', DISPATCHED: 'Distribuída', IN_PROGRESS: 'Em tratamento', WAITING: 'Suspensa', RESOLVED: 'Resolvida', CLOSED: 'Encerrada', REOPENED: 'Reaberta', REJECTED: 'Rejeitada' },
    },
    scope: { ALL: 'Todos os condomínios', COMPANY: 'Condomínios servidos pela empresa', COMMITTEE: 'Condomínio da comissão de proprietários', OWNER: 'Frações autónomas próprias', DEVELOPER: 'Condomínios do promotor imobiliário', NONE: 'Nenhum' },
    relogin: { title: 'A sessão terminou', reason: 'A sessão de {name} expirou ou foi terminada. Introduza de novo a palavra-passe: a página e o que ainda não foi enviado ficam como estão.', limited: 'Esta conta tem de alterar a palavra-passe ou registar o código de uso único na página de início de sessão.', leave: 'Ir para a página de início de sessão' },
    common: { logout: 'Terminar sessão', notYet: 'Esta página estará disponível numa versão posterior.', error: 'O pedido falhou', retry: 'Tentar de novo' },
  },
  en: {
    app: { title: 'Hengqin SmartProperty regulator console', short: 'SmartProperty' },
    lang: { label: 'Language' },
    login: {
      title: 'Log in', username: 'Account', password: 'Password', totp: 'One-time code (TOTP)', submit: 'Log in',
      totpHint: 'Enter the one-time code (TOTP)', totpEnrol: 'This account must first enrol a one-time code; ask the security admin.',
      required: 'Required',
      or: 'or', zwy: 'Log in with Yue Zheng Yi', zwyUnavailable: 'Login with Yue Zheng Yi is not enabled on this platform; log in with account and password.',
      idpError: {
        idp: {
          notLinked: 'This Yue Zheng Yi user is not linked to a staff account of the platform; ask the system administrator to link it',
          adminNeedsTotp: 'Administrator accounts cannot sign in through Yue Zheng Yi; sign in with password and one-time code',
          staffOnly: 'Only the staff of the regulator (regulator, officer, inspector) can sign in through Yue Zheng Yi',
          state: 'The login request has expired or was already used; start again',
          failed: 'Yue Zheng Yi answered with an error; try again later',
        },
        auth: { disabled: 'The account is disabled; ask the system administrator' },
        other: 'The login with Yue Zheng Yi did not complete; try again or log in with the password',
      },
    },
    password: {
      title: 'Change password', reason: 'First login or expired password: change the password to go on.',
      current: 'Current password', new: 'New password', confirm: 'Confirm new password',
      mismatch: 'The new passwords differ', submit: 'Change password', changed: 'Password changed. Please log in again.',
    },
    menu: { home: 'Home' },
    home: { welcome: 'Welcome, {name}', roles: 'Roles', scope: 'Data scope', permissions: 'Permissions',
      openComplaints: 'Open complaints', openRepairs: 'Open repairs', near: 'Near the deadline', overdue: 'Overdue', overdueList: 'Overdue items', nearList: 'Items near the deadline', byStatus: 'Complaints by status', notices: 'Latest notices', item: 'Item', due: 'Deadline', none: 'None',
      status: { REGISTERED: 'Registered', DISPATCHED: 'Dispatched', IN_PROGRESS: 'In progress', WAITING: 'Paused', RESOLVED: 'Resolved', CLOSED: 'Closed', REOPENED: 'Reopened', REJECTED: 'Rejected' },
    },
    scope: { ALL: 'All estates', COMPANY: "The company's estates", COMMITTEE: "The committee's estate", OWNER: 'Own houses', DEVELOPER: "The developer's estates", NONE: 'None' },
    relogin: { title: 'Your session ended', reason: 'The session of {name} expired or was ended. Enter the password again: this page and what you have not sent yet stay as they are.', limited: 'This account must first change its password or enrol a one-time code on the login page.', leave: 'Go to the login page' },
    common: { logout: 'Log out', notYet: 'This page comes in a later version.', error: 'The request failed', retry: 'Retry' },
  },
};

const messages = {};
for (const code of Object.keys(core)) messages[code] = areaMessages(code).reduce(mergeMessages, core[code]);
export default messages;
