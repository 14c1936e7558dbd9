/**
 * The regulator's investigations over HTTP: define one (202 with its location), poll it or follow its progress as
 * server-sent events, then fetch its report (canonical JSON) and evidence bundle (a zip). See
 * {@code docs/investigations.md}.
 */
package org.disclosureledger.api.investigation;
