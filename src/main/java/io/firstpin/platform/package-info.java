/**
 * Shared kernel used by every module: error model, locales and formatting, prefectures, the generated jOOQ schema.
 * Open, so that modules may use its subpackages (web helpers, geo, the jOOQ tables).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.firstpin.platform;
