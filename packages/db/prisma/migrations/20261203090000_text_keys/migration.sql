-- Russian search and sort that PGlite (no ICU, C locale) and PostgreSQL agree on (issue 8).
-- vep_text_key: NFC, one fixed character map (case folded for Latin, Cyrillic and Kazakh, ё read as е,
-- Latin accents dropped, Latin letters moved after Cyrillic), spaces collapsed. No collation or locale is
-- involved, so both engines give the same key. apps/api/src/http/search.ts holds the same map (textKey)
-- and printed this one, and a test compares them on both engines. (No semicolon may appear inside a
-- statement here: the PostgreSQL adapter runs a migration split at every semicolon, so the keys are
-- generated columns rather than triggers.)
CREATE FUNCTION vep_text_key(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(translate(normalize(t, NFC),
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦĨĩĪīĬĭĮįİıĲĴĵĶķĹĺĻļĽľĿŁŃńŅņŇňŊŌōŎŏŐőŒŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƁƂƄƆƇƉƊƋƎƏƐƑƓƔƖƗƘƜƝƟƠơƢƤƦƧƩƬƮƯưƱƲƳƵƷƸƼǄǅǇǈǊǋǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǢǣǤǦǧǨǩǪǫǬǭǮǯǰǱǲǴǵǶǷǸǹǺǻǼǽǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȜȞȟȠȢȤȦȧȨȩȪȫȬȭȮȯȰȱȲȳȺȻȽȾɁɃɄɅɆɈɊɌɎЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯѐёѠѢѤѦѨѪѬѮѰѲѴѶѸѺѼѾҀҊҌҎҐҒҔҖҘҚҜҞҠҢҤҦҨҪҬҮҰҲҴҶҸҺҼҾӀӁӃӅӇӉӋӍӐӒӔӖӘӚӜӞӠӢӤӦӨӪӬӮӰӲӴӶӸӺӼӾ',
    'æðøþđħĳŀłŋœŧɓƃƅɔƈɖɗƌǝəɛƒɠɣɩɨƙɯɲɵƣƥʀƨʃƭʈʊʋƴƶʒƹƽǆǆǉǉǌǌææǥʒʒǳǳƕƿææøøȝƞȣȥⱥȼƚⱦɂƀʉʌɇɉɋɍɏееђѓєѕіїјљњћќѝўџабвгдежзийклмнопрстуфхцчшщъыьэюяееѡѣѥѧѩѫѭѯѱѳѵѷѹѻѽѿҁҋҍҏґғҕҗҙқҝҟҡңҥҧҩҫҭүұҳҵҷҹһҽҿӏӂӄӆӈӊӌӎӑӓӕӗәӛӝӟӡӣӥӧөӫӭӯӱӳӵӷӹӻӽӿ'),
    '[\x01-\x20\x7f\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+', ' ', 'g'), ' ')
$$;

-- What a key column holds: the key, then the text as written, which orders texts with the same key.
-- A standard SQL body, bound to vep_text_key when created: pg_restore rebuilds the generated columns
-- with an empty search_path, where a quoted body could not find the function by name.
CREATE FUNCTION vep_sort_key(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN vep_text_key(t) || chr(1) || t;

-- Person."nameKey" is computed from Person."fullName" by the database on every write.
ALTER TABLE "Person" ADD COLUMN "nameKey" TEXT NOT NULL GENERATED ALWAYS AS (vep_sort_key("fullName")) STORED;

-- Organisation."nameKey" is computed from Organisation."name" by the database on every write.
ALTER TABLE "Organisation" ADD COLUMN "nameKey" TEXT NOT NULL GENERATED ALWAYS AS (vep_sort_key("name")) STORED;

-- Country."nameKey" is computed from Country."name" by the database on every write.
ALTER TABLE "Country" ADD COLUMN "nameKey" TEXT NOT NULL GENERATED ALWAYS AS (vep_sort_key("name")) STORED;

-- Region."nameKey" is computed from Region."name" by the database on every write.
ALTER TABLE "Region" ADD COLUMN "nameKey" TEXT NOT NULL GENERATED ALWAYS AS (vep_sort_key("name")) STORED;

-- Indicator."nameKey" is computed from Indicator."name" by the database on every write.
ALTER TABLE "Indicator" ADD COLUMN "nameKey" TEXT NOT NULL GENERATED ALWAYS AS (vep_sort_key("name")) STORED;

-- Programme."titleKey" is computed from Programme."title" by the database on every write.
ALTER TABLE "Programme" ADD COLUMN "titleKey" TEXT NOT NULL GENERATED ALWAYS AS (vep_sort_key("title")) STORED;

-- Activity."titleKey" is computed from Activity."title" by the database on every write.
ALTER TABLE "Activity" ADD COLUMN "titleKey" TEXT NOT NULL GENERATED ALWAYS AS (vep_sort_key("title")) STORED;

CREATE INDEX "Person_nameKey_id_idx" ON "Person"("nameKey", "id");
