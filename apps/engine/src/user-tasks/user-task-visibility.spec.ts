import { describe, expect, it } from 'vitest';
import { UserTaskVisibility, type TaskAudience, type TaskViewer } from './user-task-visibility.js';

const visibility = new UserTaskVisibility();
const viewer = (username: string, groups: string[] = [], roles: TaskViewer['roles'] = ['employee']): TaskViewer => ({ username, groups, roles });
const task = (audience: Partial<TaskAudience>): TaskAudience => ({ assignee: null, candidateGroups: [], candidateUsers: [], ...audience });

describe('UserTaskVisibility', () => {
  it('lets admins see every task and filters nothing for them', () => {
    const demo = viewer('demo', [], ['admin']);
    expect(visibility.canSee(demo, task({ assignee: 'emma', candidateGroups: ['sales'] }))).toBe(true);
    expect(visibility.condition(demo, 'ut')).toBeNull();
  });

  it('shows a task to its assignee, its candidate users and the members of its candidate groups', () => {
    const emma = viewer('emma', ['sales']);
    expect(visibility.canSee(emma, task({ assignee: 'emma' }))).toBe(true);
    expect(visibility.canSee(emma, task({ candidateUsers: ['frank', 'emma'] }))).toBe(true);
    expect(visibility.canSee(emma, task({ candidateGroups: ['finance', 'sales'] }))).toBe(true);
    expect(visibility.canSee(emma, task({ candidateGroups: ['finance'] }))).toBe(false);
    expect(visibility.canSee(emma, task({ candidateUsers: ['frank'] }))).toBe(false);
  });

  it('keeps a task claimed by a colleague visible to its candidate groups', () => {
    expect(visibility.canSee(viewer('mia', ['managers', 'sales']), task({ assignee: 'emma', candidateGroups: ['sales'] }))).toBe(true);
    expect(visibility.canSee(viewer('frank', ['finance']), task({ assignee: 'emma', candidateGroups: ['sales'] }))).toBe(false);
  });

  it('offers a task without assignee and candidates to everyone, and an assigned one only to its assignee', () => {
    expect(visibility.canSee(viewer('anna', [], ['analyst']), task({}))).toBe(true);
    expect(visibility.canSee(viewer('anna', [], ['analyst']), task({ assignee: 'frank' }))).toBe(false);
  });

  it('states the same rule as SQL with named parameters (candidates as JSON values); without groups, no group condition', () => {
    const withGroups = visibility.condition(viewer('mia', ['managers', 'sales']), 'ut')!;
    expect(withGroups.sql).toContain('ut.assignee = :visibility_user');
    expect(withGroups.sql).toContain('JSON_CONTAINS(ut.candidate_groups, :visibility_group1)');
    expect(withGroups.parameters).toEqual({ visibility_user: 'mia', visibility_user_json: '"mia"', visibility_group0: '"managers"', visibility_group1: '"sales"' });
    expect(visibility.condition(viewer('anna', [], ['analyst']), 't')!.sql).not.toContain('candidate_groups, :');
  });
});
