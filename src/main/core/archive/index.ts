export { archiveOf, archivePerson, archiveYears } from './archive'
export { archivePdf } from './pdf'
export { listSuggestions, setSuggestion } from './suggestions'
export { trainingNeeds, type TrainingNeed } from './trainingNeeds'
