package com.engagementtracker.command.web;

import com.engagementtracker.command.evidence.EvidencePack;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The supplier's Ed25519 key, which signs evidence packs. Configured ({@code engagement.evidence.private-key} and
 * {@code .public-key}: Base64 of PKCS#8 and of X.509, from a secret store), or else made on the first start and kept in
 * the database ({@code supplier_key}), so that every node signs with the same key and a restart keeps it. Its public
 * half is served at {@code /api/evidence/public-key}, and its fingerprint is logged at start.
 */
@Component
class SupplierKey implements EvidencePack.Signer {

    private static final Logger LOG = LoggerFactory.getLogger(SupplierKey.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    SupplierKey(JdbcTemplate jdbc, Clock clock, @Value("${engagement.evidence.private-key:}") String configuredPrivate,
                       @Value("${engagement.evidence.public-key:}") String configuredPublic) throws GeneralSecurityException {
        String[] pair = configuredPrivate.isBlank() ? stored(jdbc, clock) : new String[]{configuredPrivate, configuredPublic};
        this.privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pair[0].strip())));
        this.publicKey = EvidencePack.publicKey(pair[1]);
        byte[] probe = {1, 2, 3};
        if (!EvidencePack.verifies(publicKey, probe, sign(probe))) {
            throw new IllegalStateException("engagement.evidence.private-key and .public-key are not one key pair");
        }
        LOG.info("evidence packs are signed with the Ed25519 key of fingerprint {} (GET /api/evidence/public-key)",
                EvidencePack.fingerprint(publicKey));
    }

    /** The key pair in the database, made now if there is none yet (when several nodes start at once, the first one's). */
    private static String[] stored(JdbcTemplate jdbc, Clock clock) throws GeneralSecurityException {
        List<String[]> found = read(jdbc);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        KeyPair made = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        try {
            jdbc.update("insert into supplier_key (id, private_key, public_key, created_at) values (1, ?, ?, ?)",
                    Base64.getEncoder().encodeToString(made.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(made.getPublic().getEncoded()), Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // its key, then
        }
        return read(jdbc).get(0);
    }

    private static List<String[]> read(JdbcTemplate jdbc) {
        return jdbc.query("select private_key, public_key from supplier_key where id = 1",
                (row, i) -> new String[]{row.getString(1), row.getString(2)});
    }

    @Override
    public byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign with the supplier's key", e);
        }
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }
}
