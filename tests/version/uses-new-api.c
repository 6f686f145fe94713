/* Uses API of libstance 1.2; built by check-version-macros with several
 * STANCE_VERSION_MIN_REQUIRED / MAX_ALLOWED settings. */
#include <libstance/stance.h>

#ifdef TEST_DEPRECATION
/* A stand-in declared as the library declares what it deprecates. */
STANCE_DEPRECATED_IN_1_2_FOR (stance_contradiction_kind_from_string)
gboolean stance_test_old_function (void);
#endif

int
main (void)
{
  StanceContradictionKind kind;

#ifdef TEST_DEPRECATION
  (void) stance_test_old_function;
#endif
  return stance_contradiction_kind_from_string ("conflict", &kind) ? 0 : 1;
}
