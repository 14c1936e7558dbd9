package org.disclosureledger.api.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which form of the accounting a caller's Accept header asks for. */
class HistoryDocumentsControllerTest {

    @ParameterizedTest(name = "Accept ''{0}'' gives a PDF: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "application/pdf | true",
                "text/html | false",
                "*/* | false",
                "'' | false",
                "application/pdf, text/html | true",
                "text/html, application/pdf | false",
                "text/html;q=0.5, application/pdf | true",
                "application/*;q=0.9, text/html;q=0.1 | true"
            })
    void theAcceptHeaderDecidesBetweenHtmlAndPdf(String accept, boolean pdf) {
        assertThat(HistoryDocumentsController.prefersPdf(accept)).isEqualTo(pdf);
    }
}
