/** 首页: each role's pending tasks. */
export { homeTasks, REFUSED_WINDOW_DAYS, type HomeTaskContext } from './tasks'
export { homeTimeline } from './timeline'
