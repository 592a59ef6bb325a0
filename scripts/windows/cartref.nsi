; The Windows installer, built on Linux by Debian's makensis (scripts/windows/build.sh):
;   makensis -DVERSION=0.1.0 -DSRCDIR=dist/windows/cartref -DOUTFILE=dist/...-setup.exe -DICON=... cartref.nsi
; Per-user: no administrator rights, installs under %LOCALAPPDATA%\Programs, a Start-menu entry and
; an "Apps & features" entry for the current user only. The uninstaller removes the program and
; leaves the user's data (%LOCALAPPDATA%\cartref: bookmarks, notes, settings, installed content
; packs) unless its "Also remove my data" box is ticked, or /REMOVEDATA is given with /S.

; A 64-bit installer (the program is x64 only). It also lets CI run it under 64-bit Wine, which
; cannot run 32-bit programs without wine32 (an i386 multiarch set-up this machine does not have).
Target amd64-unicode
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "Sections.nsh"

!define APPNAME "CAR-T Reference"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\cartref"
!define GUIEXE "CAR-T Reference.exe"

Name "${APPNAME}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "Software\cartref" "InstallDir"
SetCompressor /SOLID lzma
ManifestDPIAware true
ManifestSupportedOS all
BrandingText "${APPNAME} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME} installer"
VIAddVersionKey /LANG=0 "LegalCopyright" "CAR-T Reference project"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUIEXE}"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"

LangString SecProgramName ${LANG_ENGLISH} "Program"
LangString SecProgramName ${LANG_SIMPCHINESE} "程序"
LangString SecDataName ${LANG_ENGLISH} "Also remove my data (bookmarks, notes, settings, content packs)"
LangString SecDataName ${LANG_SIMPCHINESE} "同时删除我的数据（书签、笔记、设置、内容包）"

Section "Install"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; an earlier version's libraries go first, so that none is left beside the new ones
  RMDir /r "$INSTDIR\_internal"
  File /r "${SRCDIR}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\${GUIEXE}" "" "$INSTDIR\${GUIEXE}" 0
  WriteRegStr HKCU "Software\cartref" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "CAR-T Reference project"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${GUIEXE}"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" $0
SectionEnd

Section "!un.$(SecProgramName)" SecUnProgram
  SectionIn RO
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  ; only what the installer put there: never RMDir /r "$INSTDIR" (it may be a folder the user chose)
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\cartref.exe"
  Delete "$INSTDIR\${GUIEXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\cartref"
SectionEnd

Section /o "un.$(SecDataName)" SecUnData
  SetShellVarContext current
  RMDir /r "$LOCALAPPDATA\cartref"
SectionEnd

Function un.onInit
  ; /REMOVEDATA: tick "Also remove my data" (the only way to ask for it in a silent uninstall)
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/REMOVEDATA" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecUnData}
  ${EndIf}
FunctionEnd
