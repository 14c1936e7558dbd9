/** The {@code summary} and {@code alerts} commands: what the local store holds, without contacting anything. */
package org.disclosureledger.watchdog.report;
