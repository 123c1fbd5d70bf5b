// The link of an in-app notification (`/repairs/42`, `/complaints/9`, `/patrols/tasks/5`, `/votes/11`, `/notices/3`,
// `/me/surveys`, `/survey/answer/21` …, as the domains write them) → the mini program page that shows it; a subscription
// message (订阅消息) opens pages/notifications/index?link=<link> (the adapter's `page` setting) and goes on from there.
const RULES = [
  [/^\/repairs\/(\d+)$/, m => `/pages/cases/detail?domain=repair&id=${m[1]}`],
  [/^\/complaints\/(\d+)$/, m => `/pages/cases/detail?domain=complaint&id=${m[1]}`],
  [/^\/patrols\/(?:tasks\/)?(\d+)$/, m => `/pages/cases/detail?domain=patrol&id=${m[1]}`],
  [/^\/votes\/(\d+)$/, m => `/pages/votes/vote?id=${m[1]}`],
  [/^\/notices\/(\d+)$/, m => `/pages/publishing/detail?kind=notices&id=${m[1]}`],
  [/^\/policies\/(\d+)$/, m => `/pages/publishing/detail?kind=policies&id=${m[1]}`],
  [/^\/survey\/answer\/(\d+)$/, m => `/pages/surveys/answer?id=${m[1]}`],
  [/^\/me\/surveys$/, () => '/pages/surveys/list'],
  [/^\/me\/houses$/, () => '/pages/houses/houses'],
];

/** The page for a link, or '' when the mini program has none (the notification is shown in the list only). */
function pageOf(link) {
  const path = String(link || '').split('?')[0];
  for (const [re, to] of RULES) {
    const m = path.match(re);
    if (m) return to(m);
  }
  return '';
}

module.exports = { pageOf };
