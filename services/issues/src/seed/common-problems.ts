import { Role, type Viewer } from '@sfw/shared-types';
import type { TriageService } from '../issue/triage.service';

const SEED_VIEWER: Viewer = { sub: 'seed', name: '演示数据', roles: [Role.ADMIN] };

/**
 * Group the demo's open appeals that read alike across enterprises into common problems (共性问题),
 * the way a clerk would from `commonProblemSuggestions`: through the service, so the timeline and
 * statistics see it like any change. Returns how many were made.
 */
export async function seedDemoCommonProblems(triage: TriageService, most = 3): Promise<number> {
  const groups = await triage.suggestCommonProblems(
    { sinceDays: 120, threshold: 0.45 },
    SEED_VIEWER,
    Number.POSITIVE_INFINITY,
  );
  let made = 0;
  for (const group of groups.slice(0, most)) {
    const first = group.issues[0];
    if (!first) continue;
    await triage.createCommonProblem(
      {
        title: `共性问题：${first.title}`.slice(0, 100),
        categories: group.categories.slice(0, 2),
        issueIds: group.issues.map((i) => i.id),
        leadDepartmentId: group.issues.find((i) => i.leadDepartmentId)?.leadDepartmentId ?? null,
      },
      SEED_VIEWER,
    );
    made++;
  }
  return made;
}
