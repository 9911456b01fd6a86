/**
 * Shared kernel used by every module: error model, locales and formatting, prefectures, the generated jOOQ schema.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package io.firstpin.platform;
