// The installed conformance kit (issue 13) holding the installed core's PeopleIndex to the
// oracle: a tiny run, which must pass, proving the packed kit works outside the workspace.
import { checkConformance, type Implementation, type Report } from '@people-search/conformance'
import { PeopleIndex } from '@people-search/core'

function adapt(index: PeopleIndex): Implementation {
  return {
    add: (profiles) => index.add(profiles),
    remove: (id) => index.remove(id),
    connect: (a, b) => index.connect(a, b),
    disconnect: (a, b) => index.disconnect(a, b),
    joinGroup: (member, group) => index.joinGroup(member, group),
    leaveGroup: (member, group) => index.leaveGroup(member, group),
    search: (url, { viewer }) => index.search(url, viewer === undefined ? {} : { viewer }),
  }
}

const report: Report = await checkConformance((options) => adapt(new PeopleIndex(options)), {
  numRuns: 3,
  seed: 1,
  sections: ['search'],
})
const [search] = report.sections
console.log(report.ok, search.section, search.runs, search.searches > 0)
if (!report.ok) console.log(JSON.stringify(report.failure, null, 1))
