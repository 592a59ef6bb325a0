/*
 * A stand-in for Windows 10's system icuuc.dll, for Wine only. NEVER shipped in the bundle.
 *
 * Why: Qt 6's Qt6Core.dll (PySide6 >= 6.7 wheels) links the ICU that Windows 10 (1903+) ships
 * in C:\Windows\System32\icuuc.dll, and uses it only for QStringConverter's legacy codecs
 * (the ucnv_* functions below). Wine 8.0 has no icuuc.dll, so `import PySide6.QtCore` fails
 * with "DLL load failed: Module not found". Every converter here fails to open, so Qt sees a
 * system with no ICU codecs and uses its built-in UTF-8/UTF-16/Latin-1 ones, which is all this
 * program needs. scripts/windows/setup.sh builds it with mingw-w64 into the Wine prefix's
 * system32, where PyInstaller treats it as a system library and leaves it out of the bundle.
 *
 * The exports are exactly the 20 that Qt6Core.dll 6.11 imports (x86_64-w64-mingw32-objdump -p).
 */
#include <stdint.h>
#include <stddef.h>

#define EXPORT __declspec(dllexport)

typedef uint16_t UChar;
typedef int32_t UChar32;
typedef int8_t UBool;
typedef int UErrorCode;         /* > 0 is a failure */
typedef struct UConverter UConverter;
typedef void *UConverterCallback; /* callbacks are only ever handed back, never called */

enum { U_UNSUPPORTED_ERROR = 16 };

static void fail(UErrorCode *err)
{
    if (err && *err <= 0)
        *err = U_UNSUPPORTED_ERROR;
}

EXPORT UConverter *ucnv_open(const char *name, UErrorCode *err)
{
    (void)name;
    fail(err);
    return NULL;
}

EXPORT void ucnv_close(UConverter *cnv) { (void)cnv; }
EXPORT void ucnv_reset(UConverter *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const UConverter *cnv) { (void)cnv; return 1; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }

EXPORT const char *ucnv_getName(const UConverter *cnv, UErrorCode *err)
{
    (void)cnv;
    fail(err);
    return NULL;
}

EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err)
{
    (void)name;
    (void)standard;
    fail(err);
    return NULL;
}

EXPORT void ucnv_getToUCallBack(const UConverter *cnv, UConverterCallback *action, const void **context)
{
    (void)cnv;
    if (action)
        *action = NULL;
    if (context)
        *context = NULL;
}

EXPORT void ucnv_getFromUCallBack(const UConverter *cnv, UConverterCallback *action, const void **context)
{
    ucnv_getToUCallBack(cnv, action, context);
}

EXPORT void ucnv_setToUCallBack(UConverter *cnv, UConverterCallback action, const void *context,
                                UConverterCallback *old_action, const void **old_context, UErrorCode *err)
{
    (void)action;
    (void)context;
    ucnv_getToUCallBack(cnv, old_action, old_context);
    fail(err);
}

EXPORT void ucnv_setFromUCallBack(UConverter *cnv, UConverterCallback action, const void *context,
                                  UConverterCallback *old_action, const void **old_context, UErrorCode *err)
{
    ucnv_setToUCallBack(cnv, action, context, old_action, old_context, err);
}

EXPORT void ucnv_toUnicode(UConverter *cnv, UChar **target, const UChar *target_limit, const char **source,
                           const char *source_limit, int32_t *offsets, UBool flush, UErrorCode *err)
{
    (void)cnv, (void)target, (void)target_limit, (void)source, (void)source_limit, (void)offsets, (void)flush;
    fail(err);
}

EXPORT void ucnv_fromUnicode(UConverter *cnv, char **target, const char *target_limit, const UChar **source,
                             const UChar *source_limit, int32_t *offsets, UBool flush, UErrorCode *err)
{
    (void)cnv, (void)target, (void)target_limit, (void)source, (void)source_limit, (void)offsets, (void)flush;
    fail(err);
}

EXPORT int32_t ucnv_toUCountPending(const UConverter *cnv, UErrorCode *err)
{
    (void)cnv;
    fail(err);
    return 0;
}

EXPORT int32_t ucnv_fromUCountPending(const UConverter *cnv, UErrorCode *err)
{
    (void)cnv;
    fail(err);
    return 0;
}

EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset_index,
                                  UErrorCode *err)
{
    (void)args, (void)source, (void)length, (void)offset_index;
    fail(err);
}

EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *source_limit,
                                    int32_t offset_index, UErrorCode *err)
{
    (void)args, (void)source, (void)source_limit, (void)offset_index;
    fail(err);
}

/* The substitute callbacks are passed to ucnv_set*CallBack as values; they do nothing here. */
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const UChar *code_units,
                                            int32_t length, UChar32 code_point, int reason, UErrorCode *err)
{
    (void)context, (void)args, (void)code_units, (void)length, (void)code_point, (void)reason;
    fail(err);
}

EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *code_units,
                                          int32_t length, int reason, UErrorCode *err)
{
    (void)context, (void)args, (void)code_units, (void)length, (void)reason;
    fail(err);
}
