-- The supplier's Ed25519 key that signs evidence packs, made on the first start when none is configured
-- (engagement.evidence.private-key and .public-key), shared by every node of the deployment: Base64 of PKCS#8 and X.509.
create table supplier_key (
    id int primary key,
    private_key varchar(512) not null,
    public_key varchar(512) not null,
    created_at timestamp not null
);
