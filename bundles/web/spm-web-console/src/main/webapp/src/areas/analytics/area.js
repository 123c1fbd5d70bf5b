// Analytics (issue 17 part 3, 统计分析: ANA-1..6; docs/architecture.md "Analytics"): the six statistics, each a page with
// filters, a trend chart by month and a ranking with ties, exported as CSV or XLSX. The regulator's staff see all; a
// property company sees itself and its estates (the API's scope). One view component, the statistic in the route.
export default {
  order: 70,
  menu: [
    { key: 'analyticsEstates', path: '/analytics/estates', permission: 'analytics:read' },
    { key: 'analyticsCompanies', path: '/analytics/companies', permission: 'analytics:read' },
    { key: 'analyticsTenders', path: '/analytics/tenders', permission: 'analytics:read' },
    { key: 'analyticsServices', path: '/analytics/services', permission: 'analytics:read' },
    { key: 'analyticsSatisfaction', path: '/analytics/satisfaction', permission: 'analytics:read' },
    { key: 'analyticsAssessment', path: '/analytics/assessment', permission: 'analytics:read' },
  ],
  routes: [
    // one route per statistic (each menu entry has its route), one component: the statistic in meta.view
    ...['estates', 'companies', 'tenders', 'services', 'satisfaction', 'assessment'].map(view => ({
      path: 'analytics/' + view, name: 'analytics-' + view, meta: { view }, component: () => import('./AnalyticsView.vue'),
    })),
  ],
  messages: {
  "zh-CN": {
    "menu": {
      "analyticsEstates": "小区统计分析",
      "analyticsCompanies": "物业公司统计分析",
      "analyticsTenders": "招投标统计分析",
      "analyticsServices": "物业服务统计分析",
      "analyticsSatisfaction": "满意度统计分析",
      "analyticsAssessment": "物业考核统计分析"
    },
    "analytics": {
      "from": "起始月份",
      "to": "结束月份",
      "community": "社区",
      "subject": "评价对象",
      "subjects": {
        "COMPANY": "物业服务企业",
        "COMMITTEE": "业主委员会"
      },
      "only": "只看：{name}",
      "reset": "重置",
      "csv": "导出 CSV",
      "xlsx": "导出 Excel",
      "trend": "按月趋势",
      "ranking": "排名",
      "empty": "所选范围内没有数据",
      "pageSize": "每页条数",
      "views": {
        "estates": "小区统计分析",
        "companies": "物业公司统计分析",
        "tenders": "招投标统计分析",
        "services": "物业服务统计分析",
        "satisfaction": "满意度统计分析",
        "assessment": "物业考核统计分析"
      },
      "hints": {
        "estates": "按小区统计投诉、报修和满意度，按所选列排名（并列同名次）。点击名称只看该小区。",
        "companies": "按物业服务企业统计在管小区、投诉、报修、满意度、备案、考核和信用等级。",
        "tenders": "按企业统计投标和中标（招投标结果）。",
        "services": "按小区统计表决、投诉、报修和巡查。",
        "satisfaction": "物业服务企业或业主委员会按满意度排名（0–100）。",
        "assessment": "物业服务企业按考核得分和信用等级排名。"
      },
      "columns": {
        "rank": "排名",
        "name": "名称",
        "community": "社区",
        "complaints": "投诉受理数",
        "complaintsClosed": "投诉办结数",
        "complaintsOverdue": "投诉超期数",
        "closeRate": "办结率（%）",
        "repairs": "报修数",
        "repairsDone": "报修完成数",
        "patrols": "巡查任务数",
        "patrolsClosed": "巡查办结数",
        "votes": "表决数",
        "satisfaction": "满意度",
        "answers": "评分份数",
        "estates": "在管小区数",
        "filings": "备案申请数",
        "assessmentScore": "考核得分",
        "assessmentReports": "考核报告数",
        "creditScore": "信用分",
        "creditGrade": "信用等级",
        "tenders": "招标项目数",
        "tendersAwarded": "已定标项目数",
        "bids": "投标次数",
        "bidsWon": "中标次数",
        "winRate": "中标率（%）"
      }
    }
  },
  "zh-TW": {
    "menu": {
      "analyticsEstates": "小區統計分析",
      "analyticsCompanies": "物業公司統計分析",
      "analyticsTenders": "招投標統計分析",
      "analyticsServices": "物業服務統計分析",
      "analyticsSatisfaction": "滿意度統計分析",
      "analyticsAssessment": "物業考核統計分析"
    },
    "analytics": {
      "from": "起始月份",
      "to": "結束月份",
      "community": "社區",
      "subject": "評價對象",
      "subjects": {
        "COMPANY": "物業服務企業",
        "COMMITTEE": "業主委員會"
      },
      "only": "只看：{name}",
      "reset": "重設",
      "csv": "匯出 CSV",
      "xlsx": "匯出 Excel",
      "trend": "按月趨勢",
      "ranking": "排名",
      "empty": "所選範圍內沒有資料",
      "pageSize": "每頁條數",
      "views": {
        "estates": "小區統計分析",
        "companies": "物業公司統計分析",
        "tenders": "招投標統計分析",
        "services": "物業服務統計分析",
        "satisfaction": "滿意度統計分析",
        "assessment": "物業考核統計分析"
      },
      "hints": {
        "estates": "按小區統計投訴、報修和滿意度，按所選欄排名（並列同名次）。點擊名稱只看該小區。",
        "companies": "按物業服務企業統計在管小區、投訴、報修、滿意度、備案、考核和信用等級。",
        "tenders": "按企業統計投標和中標（招投標結果）。",
        "services": "按小區統計表決、投訴、報修和巡查。",
        "satisfaction": "物業服務企業或業主委員會按滿意度排名（0–100）。",
        "assessment": "物業服務企業按考核得分和信用等級排名。"
      },
      "columns": {
        "rank": "排名",
        "name": "名稱",
        "community": "社區",
        "complaints": "投訴受理數",
        "complaintsClosed": "投訴辦結數",
        "complaintsOverdue": "投訴逾期數",
        "closeRate": "辦結率（%）",
        "repairs": "報修數",
        "repairsDone": "報修完成數",
        "patrols": "巡查任務數",
        "patrolsClosed": "巡查辦結數",
        "votes": "表決數",
        "satisfaction": "滿意度",
        "answers": "評分份數",
        "estates": "在管小區數",
        "filings": "備案申請數",
        "assessmentScore": "考核得分",
        "assessmentReports": "考核報告數",
        "creditScore": "信用分",
        "creditGrade": "信用等級",
        "tenders": "招標項目數",
        "tendersAwarded": "已定標項目數",
        "bids": "投標次數",
        "bidsWon": "中標次數",
        "winRate": "中標率（%）"
      }
    }
  },
  "pt": {
    "menu": {
      "analyticsEstates": "Estatísticas por condomínio",
      "analyticsCompanies": "Estatísticas por empresa",
      "analyticsTenders": "Estatísticas de concursos",
      "analyticsServices": "Estatísticas dos serviços",
      "analyticsSatisfaction": "Estatísticas de satisfação",
      "analyticsAssessment": "Estatísticas de avaliação"
    },
    "analytics": {
      "from": "Mês inicial",
      "to": "Mês final",
      "community": "Comunidade",
      "subject": "Avaliado",
      "subjects": {
        "COMPANY": "Empresa de administração",
        "COMMITTEE": "Comissão de proprietários"
      },
      "only": "Só: {name}",
      "reset": "Repor",
      "csv": "Exportar CSV",
      "xlsx": "Exportar Excel",
      "trend": "Evolução mensal",
      "ranking": "Classificação",
      "empty": "Sem dados no período escolhido",
      "pageSize": "Linhas por página",
      "views": {
        "estates": "Estatísticas por condomínio",
        "companies": "Estatísticas por empresa de administração predial",
        "tenders": "Estatísticas de concursos",
        "services": "Estatísticas dos serviços prediais",
        "satisfaction": "Estatísticas de satisfação",
        "assessment": "Estatísticas de avaliação"
      },
      "hints": {
        "estates": "Queixas, reparações e satisfação por condomínio, classificados pela coluna escolhida (empates com a mesma posição). Clique num nome para ver só esse condomínio.",
        "companies": "Condomínios administrados, queixas, reparações, satisfação, registos, avaliação e classe de crédito por empresa.",
        "tenders": "Propostas e adjudicações por empresa (resultados dos concursos).",
        "services": "Votações, queixas, reparações e inspeções por condomínio.",
        "satisfaction": "Empresas ou comissões de proprietários classificadas pela satisfação (0–100).",
        "assessment": "Empresas classificadas pela pontuação da avaliação e pela classe de crédito."
      },
      "columns": {
        "rank": "Posição",
        "name": "Nome",
        "community": "Comunidade",
        "complaints": "Queixas recebidas",
        "complaintsClosed": "Queixas concluídas",
        "complaintsOverdue": "Queixas fora de prazo",
        "closeRate": "Taxa de conclusão (%)",
        "repairs": "Pedidos de reparação",
        "repairsDone": "Reparações concluídas",
        "patrols": "Tarefas de inspeção",
        "patrolsClosed": "Inspeções concluídas",
        "votes": "Votações",
        "satisfaction": "Satisfação",
        "answers": "Respostas pontuadas",
        "estates": "Condomínios administrados",
        "filings": "Pedidos de registo",
        "assessmentScore": "Pontuação da avaliação",
        "assessmentReports": "Relatórios de avaliação",
        "creditScore": "Pontuação de crédito",
        "creditGrade": "Classe de crédito",
        "tenders": "Concursos",
        "tendersAwarded": "Concursos adjudicados",
        "bids": "Propostas",
        "bidsWon": "Propostas vencedoras",
        "winRate": "Taxa de sucesso (%)"
      }
    }
  },
  "en": {
    "menu": {
      "analyticsEstates": "Estate statistics",
      "analyticsCompanies": "Company statistics",
      "analyticsTenders": "Tendering statistics",
      "analyticsServices": "Service statistics",
      "analyticsSatisfaction": "Satisfaction statistics",
      "analyticsAssessment": "Assessment statistics"
    },
    "analytics": {
      "from": "First month",
      "to": "Last month",
      "community": "Community",
      "subject": "Evaluated",
      "subjects": {
        "COMPANY": "Property company",
        "COMMITTEE": "Owners’ committee"
      },
      "only": "Only: {name}",
      "reset": "Reset",
      "csv": "Export CSV",
      "xlsx": "Export Excel",
      "trend": "Trend by month",
      "ranking": "Ranking",
      "empty": "No data in the range chosen",
      "pageSize": "Rows per page",
      "views": {
        "estates": "Estate statistics",
        "companies": "Company statistics",
        "tenders": "Tendering statistics",
        "services": "Service statistics",
        "satisfaction": "Satisfaction statistics",
        "assessment": "Assessment statistics"
      },
      "hints": {
        "estates": "Complaints, repairs and satisfaction by estate, ranked by the column chosen (ties share a rank). Click a name to see that estate only.",
        "companies": "Estates managed, complaints, repairs, satisfaction, filings, assessment and credit grade by property company.",
        "tenders": "Bids and awards by company (the tender results).",
        "services": "Votes, complaints, repairs and patrols by estate.",
        "satisfaction": "Property companies or owners’ committees ranked by satisfaction (0–100).",
        "assessment": "Property companies ranked by assessment score and credit grade."
      },
      "columns": {
        "rank": "Rank",
        "name": "Name",
        "community": "Community",
        "complaints": "Complaints received",
        "complaintsClosed": "Complaints closed",
        "complaintsOverdue": "Complaints overdue",
        "closeRate": "Closing rate (%)",
        "repairs": "Repair requests",
        "repairsDone": "Repairs done",
        "patrols": "Patrol tasks",
        "patrolsClosed": "Patrols closed",
        "votes": "Votes",
        "satisfaction": "Satisfaction",
        "answers": "Scored answers",
        "estates": "Estates managed",
        "filings": "Filings submitted",
        "assessmentScore": "Assessment score",
        "assessmentReports": "Assessment reports",
        "creditScore": "Credit score",
        "creditGrade": "Credit grade",
        "tenders": "Tenders",
        "tendersAwarded": "Tenders awarded",
        "bids": "Bids",
        "bidsWon": "Bids won",
        "winRate": "Win rate (%)"
      }
    }
  }
},
};
