// The package exchange as other modules (demo, bench) use it.
export { exportResultsPackage, exportDownward, importPackage, verifyPackage, previewImport, listPackages, prepareImport, applyImport, sealResults, sealDownward, recordSealed, storedOut, receiptFor } from './exchange'
export { buildResultsPayload, resultsPayloadSchema, PAYLOAD_FILES, type ResultsPayload } from './payloads'
export { consolidated, consolidatedWorkbook, receivedPayload, storeUnitResults } from './superior'
export { filingReportPdf, filingRosterWorkbook } from './filing'
