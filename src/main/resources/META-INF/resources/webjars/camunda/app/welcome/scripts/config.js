// Redress: the Camunda Welcome app's configuration (replaces the webjar's default config.js, which
// configures nothing). The links lead management and process owners to Redress's own staff pages
// (ISO 10002 8.4 monitoring and the self-assessment); they open with the same login.
export default {
  // after a login asked for by a Redress staff page (/staff/dashboard …), back to that page
  customScripts: ['redress/after-login'],
  links: [
    {
      label: 'Complaints dashboard',
      href: '/staff/dashboard',
      description: 'KPIs against objectives, trends, breakdowns and the complaints behind each figure (ISO 10002 8.4)'
    },
    {
      label: 'ISO 10002 self-assessment',
      href: '/staff/self-assessment',
      description: 'Evidence from this installation, clause by clause, as a page and as a PDF for auditors'
    }
  ]
};
