/**
 * Running Firstpin: moving off the embedded database to PostgreSQL ({@code --move-to}), the health and metrics that
 * tell an operator the truth, online backups of the embedded database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package io.firstpin.operations;
