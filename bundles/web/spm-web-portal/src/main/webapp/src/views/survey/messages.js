// The satisfaction-survey pages' texts (issue 16 part 2: OWN-6, SVC-SAT-2, MAP-11) in the portal's four languages, merged
// into src/messages.js under `surveys` (the navigation's entries are in `nav`). All four languages have the same keys.
const zhCN = {
  title: '物业服务满意度', intro: '主管部门组织业主对物业服务企业和业主委员会进行满意度调查，以下为最近一次公布的结果（匿名统计，满分 100 分）。',
  company: '物业服务企业排名', committee: '业主委员会排名', none: '暂无公布的调查结果', rank: '排名', name: '名称', score: '满意度得分', rate: '参与率',
  period: '调查期', estate: '小区',
  map: { title: '满意度调查', company: '物业服务企业：{score} 分（第 {rank} 名 / 共 {of} 名）', committee: '业主委员会：{score} 分（第 {rank} 名 / 共 {of} 名）', none: '暂无公布的满意度调查结果', older: '{title}：{score} 分' },
  my: {
    title: '满意度调查', intro: '本人已核验产权房屋所在小区的满意度调查：每次调查只能作答一次，评价匿名，被评价方只能看到汇总结果。',
    none: '暂无需要作答的调查（只有已核验产权的业主可以作答）', answered: '已作答', until: '截止 {date}', answer: '开始作答', submit: '提交',
    done: '已提交，感谢您的评价', missing: '请回答必答题：第{list}题', estate: '评价的小区', score: '{n}分', cancel: '取消',
  },
};
const zhTW = {
  title: '物業服務滿意度', intro: '主管部門組織業主對物業服務企業和業主委員會進行滿意度調查，以下為最近一次公佈的結果（匿名統計，滿分 100 分）。',
  company: '物業服務企業排名', committee: '業主委員會排名', none: '暫無公佈的調查結果', rank: '排名', name: '名稱', score: '滿意度得分', rate: '參與率',
  period: '調查期', estate: '小區',
  map: { title: '滿意度調查', company: '物業服務企業：{score} 分（第 {rank} 名 / 共 {of} 名）', committee: '業主委員會：{score} 分（第 {rank} 名 / 共 {of} 名）', none: '暫無公佈的滿意度調查結果', older: '{title}：{score} 分' },
  my: {
    title: '滿意度調查', intro: '本人已核驗產權房屋所在小區的滿意度調查：每次調查只能作答一次，評價匿名，被評價方只能看到匯總結果。',
    none: '暫無需要作答的調查（只有已核驗產權的業主可以作答）', answered: '已作答', until: '截止 {date}', answer: '開始作答', submit: '提交',
    done: '已提交，感謝您的評價', missing: '請回答必答題：第{list}題', estate: '評價的小區', score: '{n}分', cancel: '取消',
  },
};
const pt = {
  title: 'Satisfação com a administração', intro: 'A entidade reguladora inquire os proprietários sobre as empresas de administração e as comissões de proprietários; eis os últimos resultados divulgados (anónimos, de 0 a 100).',
  company: 'Classificação das empresas de administração', committee: 'Classificação das comissões de proprietários', none: 'Ainda não há resultados divulgados',
  rank: 'Posição', name: 'Nome', score: 'Pontuação de satisfação', rate: 'Taxa de resposta', period: 'Período', estate: 'Condomínio',
  map: { title: 'Inquérito de satisfação', company: 'Empresa de administração: {score} ({rank}.º de {of})', committee: 'Comissão de proprietários: {score} ({rank}.º de {of})', none: 'Sem resultados de satisfação divulgados', older: '{title}: {score}' },
  my: {
    title: 'Inquéritos de satisfação', intro: 'Inquéritos dos condomínios das suas frações com título verificado: uma resposta por inquérito, anónima; os avaliados só veem resultados agregados.',
    none: 'Nenhum inquérito por responder (só proprietários com título verificado respondem)', answered: 'Respondido', until: 'até {date}', answer: 'Responder',
    submit: 'Enviar', done: 'Enviado. Obrigado pela avaliação', missing: 'Responda às perguntas obrigatórias: {list}', estate: 'Condomínio avaliado',
    score: '{n} pontos', cancel: 'Cancelar',
  },
};
const en = {
  title: 'Property service satisfaction', intro: "The regulator surveys owners about the property companies and the owners' committees; these are the latest published results (anonymous, 0 to 100).",
  company: 'Property companies ranked', committee: "Owners' committees ranked", none: 'No published results yet', rank: 'Rank', name: 'Name',
  score: 'Satisfaction score', rate: 'Response rate', period: 'Period', estate: 'Estate',
  map: { title: 'Satisfaction survey', company: 'Property company: {score} (rank {rank} of {of})', committee: "Owners' committee: {score} (rank {rank} of {of})", none: 'No published satisfaction results', older: '{title}: {score}' },
  my: {
    title: 'Satisfaction surveys', intro: 'Surveys of the estates where your title is verified: one answer per survey, anonymous; the evaluated party sees aggregates only.',
    none: 'No survey to answer (only owners with a verified title answer)', answered: 'Answered', until: 'by {date}', answer: 'Answer', submit: 'Send',
    done: 'Sent. Thank you for your evaluation', missing: 'Please answer the required questions: {list}', estate: 'Estate evaluated',
    score: '{n} points', cancel: 'Cancel',
  },
};
export default { 'zh-CN': zhCN, 'zh-TW': zhTW, pt, en };
