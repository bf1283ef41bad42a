package org.openbpo.support.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteStripperTest {

    @Test
    void gmailStyleAttributionAndQuotesAreCut() {
        assertThat(QuoteStripper.strip("""
                Yes please, go ahead.

                On Mon, 2 Mar 2026 at 09:00, Albion Support <help@albion.test>
                wrote:
                > Shall we refund you?
                > Kind regards
                """)).isEqualTo("Yes please, go ahead.");
        assertThat(QuoteStripper.strip("Fine.\nLe lun. 2 mars 2026, Albion a écrit :\n> Bonjour")).isEqualTo("Fine.");
    }

    @Test
    void outlookHeaderBlocksSeparatorsAndSignaturesAreCut() {
        assertThat(QuoteStripper.strip("""
                The number is 4471.

                From: Albion Support <help@albion.test>
                Sent: Monday, March 2, 2026 9:00 AM
                To: Ann
                Subject: Your policy
                """)).isEqualTo("The number is 4471.");
        assertThat(QuoteStripper.strip("Done.\n-----Original Message-----\nFrom: x")).isEqualTo("Done.");
        assertThat(QuoteStripper.strip("Thanks\n-- \nAnn Customer\nACME Ltd")).isEqualTo("Thanks");
        assertThat(QuoteStripper.strip("Thanks\n\nSent from my iPhone")).isEqualTo("Thanks");
    }

    @Test
    void textWithoutQuotesOrWithOnlyQuotesIsKept() {
        assertThat(QuoteStripper.strip("My card stopped working.\nCan you help?")).isEqualTo("My card stopped working.\nCan you help?");
        assertThat(QuoteStripper.strip("> only a quote")).isEqualTo("> only a quote");
        assertThat(QuoteStripper.strip("I said:\n> inline\nand more")).isEqualTo("I said:\n> inline\nand more");
    }
}
