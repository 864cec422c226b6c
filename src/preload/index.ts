// Sandboxed preload: window.api has one function per contract method, each only forwarding the call
// over the single IPC channel. No other logic, nothing else exposed (main checks every call).
import { contextBridge, ipcRenderer } from 'electron'
import { IPC_CHANNEL, METHOD_NAMES } from '@shared/api/methodNames'
import { PICK_FOLDER_CHANNEL, type KaoheDesktop } from '@shared/desktop'

const api: Record<string, (input?: unknown) => Promise<unknown>> = {}
for (const name of METHOD_NAMES) {
  api[name] = (input?: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, input)
}

contextBridge.exposeInMainWorld('api', Object.freeze(api))

// The desktop app's own calls (the browser bridge has none): one invoke, no argument.
const desktop: KaoheDesktop = { pickFolder: () => ipcRenderer.invoke(PICK_FOLDER_CHANNEL) }
contextBridge.exposeInMainWorld('kaoheDesktop', Object.freeze(desktop))
