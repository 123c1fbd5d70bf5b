// Satisfaction surveys (issue 16 part 2, 满意度调查: SVC-SAT-1/2, OCS-9, ANA-5; docs/surveys.md): the regulator builds
// questionnaires (questions linked to assessment indicators, targeted estates, period), opens, closes and publishes them and
// reads the results and rankings with the free texts; a committee evaluates its property company once and reads its
// estate's results; a company reads its own results (aggregates only).
export default {
  order: 51,
  menu: [
    { key: 'surveys', path: '/survey', permission: 'survey:read' },
    { key: 'surveyAnswer', path: '/survey/mine', permission: 'survey:answer' },
  ],
  routes: [
    { path: 'survey', name: 'surveys', component: () => import('./SurveysView.vue') },
    { path: 'survey/mine', name: 'survey-mine', component: () => import('./MySurveysView.vue') },
    { path: 'survey/answer/:id(\\d+)', name: 'survey-answer', component: () => import('./MySurveysView.vue') },
    { path: 'survey/surveys/new', name: 'survey-new', component: () => import('./SurveyEditorView.vue') },
    { path: 'survey/surveys/:id(\\d+)/edit', name: 'survey-edit', component: () => import('./SurveyEditorView.vue') },
    { path: 'survey/surveys/:id(\\d+)', name: 'survey', component: () => import('./SurveyDetailView.vue') },
  ],
  messages: {
    'zh-CN': {
      menu: { surveys: '满意度调查', surveyAnswer: '评价物业企业' },
      survey: {
        title: '满意度调查', new: '新建调查', edit: '修改', save: '保存', cancel: '取消', back: '返回', empty: '没有记录', pageSize: '每页条数',
        allStatuses: '全部状态', allSubjects: '全部对象', state: '状态', actions: '操作', open: '开启调查', close: '结束调查', publish: '公布结果',
        saved: '已保存', name: '标题', description: '说明', subject: '评价对象', period: '调查期', periodFrom: '开始日期', periodTo: '结束日期',
        estates: '调查小区', allEstates: '全部在管小区', indicatorSet: '关联考核指标体系（选填）', respondents: '已作答',
        status: { DRAFT: '草稿', OPEN: '进行中', CLOSED: '已结束', PUBLISHED: '已公布' },
        subjects: { COMPANY: '物业服务企业', COMMITTEE: '业主委员会' },
        kinds: { SCORE: '评分（1–5分）', SINGLE: '单选', MULTIPLE: '多选', TEXT: '文字意见' },
        question: {
          title: '题目', add: '增加题目', remove: '删除', kind: '题型', text: '题目内容', options: '选项（每行一个）', indicator: '关联指标',
          required: '必答', n: '第{n}题',
        },
        results: {
          title: '调查结果', notYet: '调查结束后可查看结果', rank: '排名', party: '评价对象', estates: '小区数', eligible: '已核验业主',
          respondents: '作答业主', rate: '参与率', score: '满意度得分', committeeScore: '业委会评价', questions: '各题统计', answers: '作答数',
          mean: '平均分', texts: '文字意见（仅主管部门可见）', noTexts: '没有文字意见', chart: '满意度得分',
        },
        answer: {
          title: '评价物业服务企业', none: '目前没有需要评价的调查', answered: '已评价', submit: '提交评价', done: '已提交，感谢您的评价',
          missing: '请回答必答题：第{list}题', anonymous: '评价匿名，被评价企业只能看到汇总结果。', score: '{n}分', until: '截止 {date}',
        },
      },
    },
    'zh-TW': {
      menu: { surveys: '滿意度調查', surveyAnswer: '評價物業企業' },
      survey: {
        title: '滿意度調查', new: '新建調查', edit: '修改', save: '儲存', cancel: '取消', back: '返回', empty: '沒有記錄', pageSize: '每頁條數',
        allStatuses: '全部狀態', allSubjects: '全部對象', state: '狀態', actions: '操作', open: '開啟調查', close: '結束調查', publish: '公佈結果',
        saved: '已儲存', name: '標題', description: '說明', subject: '評價對象', period: '調查期', periodFrom: '開始日期', periodTo: '結束日期',
        estates: '調查小區', allEstates: '全部在管小區', indicatorSet: '關聯考核指標體系（選填）', respondents: '已作答',
        status: { DRAFT: '草稿', OPEN: '進行中', CLOSED: '已結束', PUBLISHED: '已公佈' },
        subjects: { COMPANY: '物業服務企業', COMMITTEE: '業主委員會' },
        kinds: { SCORE: '評分（1–5分）', SINGLE: '單選', MULTIPLE: '多選', TEXT: '文字意見' },
        question: {
          title: '題目', add: '增加題目', remove: '刪除', kind: '題型', text: '題目內容', options: '選項（每行一個）', indicator: '關聯指標',
          required: '必答', n: '第{n}題',
        },
        results: {
          title: '調查結果', notYet: '調查結束後可查看結果', rank: '排名', party: '評價對象', estates: '小區數', eligible: '已核驗業主',
          respondents: '作答業主', rate: '參與率', score: '滿意度得分', committeeScore: '業委會評價', questions: '各題統計', answers: '作答數',
          mean: '平均分', texts: '文字意見（僅主管部門可見）', noTexts: '沒有文字意見', chart: '滿意度得分',
        },
        answer: {
          title: '評價物業服務企業', none: '目前沒有需要評價的調查', answered: '已評價', submit: '提交評價', done: '已提交，感謝您的評價',
          missing: '請回答必答題：第{list}題', anonymous: '評價匿名，被評價企業只能看到匯總結果。', score: '{n}分', until: '截止 {date}',
        },
      },
    },
    pt: {
      menu: { surveys: 'Inquéritos de satisfação', surveyAnswer: 'Avaliar a empresa de administração' },
      survey: {
        title: 'Inquéritos de satisfação', new: 'Novo inquérito', edit: 'Alterar', save: 'Guardar', cancel: 'Cancelar', back: 'Voltar',
        empty: 'Sem registos', pageSize: 'Linhas por página', allStatuses: 'Todos os estados', allSubjects: 'Todos os avaliados', state: 'Estado',
        actions: 'Ações', open: 'Abrir o inquérito', close: 'Encerrar o inquérito', publish: 'Divulgar os resultados', saved: 'Guardado',
        name: 'Título', description: 'Descrição', subject: 'Avaliado', period: 'Período', periodFrom: 'Data de início', periodTo: 'Data de fim',
        estates: 'Condomínios inquiridos', allEstates: 'Todos os condomínios ativos', indicatorSet: 'Conjunto de indicadores ligado (facultativo)',
        respondents: 'Respostas',
        status: { DRAFT: 'Rascunho', OPEN: 'Aberto', CLOSED: 'Encerrado', PUBLISHED: 'Divulgado' },
        subjects: { COMPANY: 'Empresa de administração', COMMITTEE: 'Comissão de proprietários' },
        kinds: { SCORE: 'Pontuação (1–5)', SINGLE: 'Escolha única', MULTIPLE: 'Escolha múltipla', TEXT: 'Comentário' },
        question: {
          title: 'Perguntas', add: 'Acrescentar pergunta', remove: 'Retirar', kind: 'Tipo', text: 'Pergunta', options: 'Opções (uma por linha)',
          indicator: 'Indicador ligado', required: 'Obrigatória', n: 'Pergunta {n}',
        },
        results: {
          title: 'Resultados', notYet: 'Os resultados ficam disponíveis quando o inquérito for encerrado', rank: 'Posição', party: 'Avaliado',
          estates: 'Condomínios', eligible: 'Proprietários verificados', respondents: 'Proprietários que responderam', rate: 'Taxa de resposta',
          score: 'Pontuação de satisfação', committeeScore: 'Avaliação da comissão', questions: 'Por pergunta', answers: 'Respostas',
          mean: 'Média', texts: 'Comentários (só a entidade reguladora)', noTexts: 'Sem comentários', chart: 'Pontuação de satisfação',
        },
        answer: {
          title: 'Avaliar a empresa de administração', none: 'Nenhum inquérito por responder', answered: 'Avaliado', submit: 'Enviar a avaliação',
          done: 'Enviado. Obrigado pela avaliação', missing: 'Responda às perguntas obrigatórias: {list}',
          anonymous: 'A avaliação é anónima: a empresa avaliada só vê resultados agregados.', score: '{n} pontos', until: 'até {date}',
        },
      },
    },
    en: {
      menu: { surveys: 'Satisfaction surveys', surveyAnswer: 'Evaluate the company' },
      survey: {
        title: 'Satisfaction surveys', new: 'New survey', edit: 'Edit', save: 'Save', cancel: 'Cancel', back: 'Back', empty: 'No records',
        pageSize: 'Rows per page', allStatuses: 'All statuses', allSubjects: 'All subjects', state: 'Status', actions: 'Actions',
        open: 'Open the survey', close: 'Close the survey', publish: 'Publish the results', saved: 'Saved', name: 'Title', description: 'Description',
        subject: 'Evaluated party', period: 'Period', periodFrom: 'Start date', periodTo: 'End date', estates: 'Estates surveyed',
        allEstates: 'All active estates', indicatorSet: 'Linked assessment indicator set (optional)', respondents: 'Answered',
        status: { DRAFT: 'Draft', OPEN: 'Open', CLOSED: 'Closed', PUBLISHED: 'Published' },
        subjects: { COMPANY: 'Property company', COMMITTEE: "Owners' committee" },
        kinds: { SCORE: 'Score (1–5)', SINGLE: 'Single choice', MULTIPLE: 'Multiple choice', TEXT: 'Comment' },
        question: {
          title: 'Questions', add: 'Add a question', remove: 'Remove', kind: 'Kind', text: 'Question', options: 'Options (one per line)',
          indicator: 'Linked indicator', required: 'Required', n: 'Question {n}',
        },
        results: {
          title: 'Results', notYet: 'Results are shown once the survey is closed', rank: 'Rank', party: 'Evaluated party', estates: 'Estates',
          eligible: 'Verified owners', respondents: 'Owners answered', rate: 'Response rate', score: 'Satisfaction score',
          committeeScore: "Committee's evaluation", questions: 'Per question', answers: 'Answers', mean: 'Mean', texts: 'Comments (regulator only)',
          noTexts: 'No comments', chart: 'Satisfaction score',
        },
        answer: {
          title: 'Evaluate the property company', none: 'No survey to answer', answered: 'Answered', submit: 'Send the evaluation',
          done: 'Sent. Thank you for your evaluation', missing: 'Please answer the required questions: {list}',
          anonymous: 'The evaluation is anonymous: the company sees aggregates only.', score: '{n} points', until: 'by {date}',
        },
      },
    },
  },
};
