// Bootstrap only: the Electron layer lives in ./electron (the only code that imports 'electron').
import { startDesktop } from './electron/main'

void startDesktop()
