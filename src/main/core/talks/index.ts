export { checkMonth, listTalks, monthOf, previousMonth, recordTalk, talkTasks } from './talks'
