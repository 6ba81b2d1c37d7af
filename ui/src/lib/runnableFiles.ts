// Files the system would run rather than show. The backend refuses to open these from a customer's
// message (they can only be saved); the UI mirrors its list so it does not offer Open for them.
const RUNNABLE_EXTENSIONS = new Set(
  'exe com bat cmd msi msp scr pif cpl ps1 psm1 vbs vbe js jse wsf wsh hta jar lnk reg sh bash zsh command app pkg dmg desktop appimage deb rpm run py pl rb php'.split(
    ' ',
  ),
);

export function isRunnableFile(filename: string): boolean {
  const dot = filename.lastIndexOf('.');
  if (dot < 0) return false;
  return RUNNABLE_EXTENSIONS.has(filename.slice(dot + 1).trim().toLowerCase());
}
