/** 《个人绩效承诺书》: letters, their tasks and versions, revision requests, and the task-completion input. */
export { saveDraft, submit, review, complete, keyedTasks, type Actor } from './letters'
export { requestRevision, decideRevision, revisionPerson, applyChanges } from './revisions'
export { commitmentRecord, commitmentsAwaitingReview, pendingRevisions, listCommitments, letterView, revisionView, revisionRow, shownState, STATE_ZH } from './views'
export { taskCompletionInput } from './taskInput'
