export { democraticInputs, type DemocraticInputs, type DemocraticPersonInput } from './inputs'
