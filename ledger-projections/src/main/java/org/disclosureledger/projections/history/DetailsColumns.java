package org.disclosureledger.projections.history;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.agency.Custodian;
import org.disclosureledger.core.agency.Recipient;
import org.disclosureledger.core.disclosure.AccessWindow;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureMode;
import org.disclosureledger.core.disclosure.LegalAuthority;
import org.disclosureledger.core.disclosure.Purpose;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.jurisdiction.StateCode;

/** The columns of {@code history_disclosure} that hold a disclosure's details, and their conversion both ways. */
final class DetailsColumns {

    /** The column names, in the order {@link #bind} sets them. */
    static final List<String> NAMES = List.of(
            "occurred_at",
            "custodian_state",
            "custodian_name",
            "disclosing_system",
            "releasing_official",
            "recipient_agency_id",
            "recipient_name",
            "recipient_component",
            "recipient_address",
            "requester",
            "purpose_code",
            "purpose_text",
            "legal_citations",
            "legal_document_reference",
            "data_categories",
            "mode",
            "access_opens_at",
            "access_closes_at",
            "access_download_allowed",
            "record_count");

    private DetailsColumns() {}

    /** Sets the details as parameters from {@code first} on; returns the index of the next parameter. */
    static int bind(PreparedStatement statement, int first, DisclosureDetails details) throws SQLException {
        int i = first;
        setInstant(statement, i++, details.occurredAt());
        statement.setString(i++, details.custodian().state().code());
        statement.setString(i++, details.custodian().agencyName());
        statement.setString(i++, details.disclosingSystem());
        statement.setString(i++, details.releasingOfficial());
        statement.setString(i++, details.recipient().agencyId().value());
        statement.setString(i++, details.recipient().name());
        statement.setString(i++, details.recipient().component());
        statement.setString(i++, details.recipient().address());
        statement.setString(i++, details.requester());
        statement.setString(i++, details.purpose().code().name());
        statement.setString(i++, details.purpose().text());
        statement.setArray(i++, textArray(statement, details.legalAuthority().citations()));
        statement.setString(i++, details.legalAuthority().documentReference());
        statement.setArray(
                i++,
                textArray(
                        statement,
                        details.dataCategories().stream().map(Enum::name).toList()));
        statement.setString(i++, details.mode().name());
        AccessWindow window = details.accessWindow();
        setInstant(statement, i++, window == null ? null : window.opensAt());
        setInstant(statement, i++, window == null ? null : window.closesAt());
        if (window == null) {
            statement.setNull(i++, Types.BOOLEAN);
        } else {
            statement.setBoolean(i++, window.downloadAllowed());
        }
        statement.setLong(i++, details.recordCount());
        return i;
    }

    /** The details held in the current row. */
    static DisclosureDetails read(ResultSet row) throws SQLException {
        Instant opensAt = instant(row, "access_opens_at");
        AccessWindow window = opensAt == null
                ? null
                : new AccessWindow(
                        opensAt, instant(row, "access_closes_at"), row.getBoolean("access_download_allowed"));
        return new DisclosureDetails(
                instant(row, "occurred_at"),
                new Custodian(new StateCode(row.getString("custodian_state")), row.getString("custodian_name")),
                row.getString("disclosing_system"),
                row.getString("releasing_official"),
                new Recipient(
                        new AgencyId(row.getString("recipient_agency_id")),
                        row.getString("recipient_name"),
                        row.getString("recipient_component"),
                        row.getString("recipient_address")),
                row.getString("requester"),
                new Purpose(PurposeOfUse.valueOf(row.getString("purpose_code")), row.getString("purpose_text")),
                new LegalAuthority(texts(row, "legal_citations"), row.getString("legal_document_reference")),
                texts(row, "data_categories").stream()
                        .map(DataCategory::valueOf)
                        .toList(),
                DisclosureMode.valueOf(row.getString("mode")),
                window,
                row.getLong("record_count"));
    }

    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Array textArray(PreparedStatement statement, List<String> values) throws SQLException {
        return statement.getConnection().createArrayOf("text", values.toArray(new String[0]));
    }

    private static List<String> texts(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return Arrays.asList((String[]) array.getArray());
    }
}
