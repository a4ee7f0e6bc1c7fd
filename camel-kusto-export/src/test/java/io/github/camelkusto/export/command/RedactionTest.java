package io.github.camelkusto.export.command;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one redaction function: what each form of secret looks like once masked. */
class RedactionTest {

    @Test
    void aConnectionStringKeepsItsLocationAndLosesItsCredentialAndUrlPassword() {
        assertThat(Redaction.connectionString("https://acct.blob.core.windows.net/c;S3CR3T=="))
                .isEqualTo("https://acct.blob.core.windows.net/c;****");
        assertThat(Redaction.connectionString("https://acct.blob.core.windows.net/c?sv=1&sig=S3CR3T"))
                .isEqualTo("https://acct.blob.core.windows.net/c?****");
        assertThat(Redaction.connectionString("http://user:p@ss:word@127.0.0.1:10000/acct/c;S3CR3T"))
                .isEqualTo("http://user:****@127.0.0.1:10000/acct/c;****");
        assertThat(Redaction.connectionString("http%3A%2F%2Fhost%2Facct%2Fc%3BS3CR3T"))
                .isEqualTo("http%3A%2F%2Fhost%2Facct%2Fc%3B****");
    }

    @Test
    void anAdlsFileSystemBeforeTheAtSignIsNotASecret() {
        assertThat(Redaction.connectionString("abfss://fs@acct.dfs.core.windows.net/path;sharedkey=S3CR3T"))
                .isEqualTo("abfss://fs@acct.dfs.core.windows.net/path;****");
    }

    @Test
    void freeTextLosesKnownConnectionStringsUrlPasswordsAndCredentialValues() {
        String text = "cannot reach http://u:pw1@h/x (sig=abc&sv=1) AccountKey=k1; token=t1 and c;S3CR3T quoted alone";

        assertThat(Redaction.text(text, List.of("https://acct.blob.core.windows.net/c;S3CR3T")))
                .isEqualTo("cannot reach http://u:****@h/x (sig=****&sv=1) AccountKey=****; token=**** and c;****"
                        + " quoted alone");
    }

    @Test
    void theLiteralsOfACommandAreMaskedAsConnectionStrings() {
        assertThat(Redaction.literals(".export to csv ('http://h/a/c;K1', h\"http://h/a/d?sig=K2\") <| T"))
                .isEqualTo(".export to csv ('http://h/a/c;****', h\"http://h/a/d?****\") <| T");
        assertThat(Redaction.literals(".export%20to%20csv%20(h%22http://h/a/c;K1%22)"))
                .isEqualTo(".export%20to%20csv%20(h%22http://h/a/c;****%22)");
    }

    @Test
    void thePortalFormKeepsOnlyTheValuesOfItsNeverSecretKeys() {
        assertThat(Redaction.connectionString("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=S3CR3T==;"
                + "EndpointSuffix=core.windows.net;Container=exports"))
                .isEqualTo("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=****;"
                        + "EndpointSuffix=core.windows.net;Container=exports");
        assertThat(Redaction.connectionString("BlobEndpoint=http://u:pw@h/acct;SharedAccessSignature=sv=1&sig=S3CR3T"))
                .isEqualTo("BlobEndpoint=****;SharedAccessSignature=****");
    }

    @Test
    void anEndpointUriWithAPortalConnectionStringShowsTheAccountButNotTheKey() {
        assertThat(Redaction.literals(".export to csv ('AccountName=acct;AccountKey=S3CR3T;Container=c') <| T"))
                .isEqualTo(".export to csv ('AccountName=acct;AccountKey=****;Container=c') <| T");
    }
}
