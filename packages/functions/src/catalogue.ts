/**
 * @module The one table every function builder is generated from: each SurrealDB 3.0 built-in
 * function's name, argument types and result type. Extracted from the engine's source at
 * v3.0.2: the names are those its function registry runs (`core/src/exec/function/builtin/*.rs`;
 * the parser also accepts array::every/includes/index_of/some, set::all/any and the api::req/res
 * middleware names, but 3.0.2 answers "not found in function registry" for them, so they are
 * left out, as are vector::distance::mahalanobis and vector::similarity::spearman, which
 * 3.0.2 registers but answers "Unimplemented functionality"), the argument lists come from each function's argument tuple (`core/src/fnc/*.rs`),
 * and every result type is checked by executing the function (test/catalogue.test.ts).
 *
 * Argument types: a type word (see ./signature.ts), `word?` for an optional trailing argument,
 * `...word` for any number of them. `ref` is the number of a `@n@` match or KNN operator
 * (search::score, vector::distance::knn...): the engine wants it as a literal, so it is printed
 * inline after checking it is an integer in 0..255. A third element names the experimental capability the
 * function needs (`files` for the file:: functions).
 *
 * The rows are grouped by namespace, one constant each, so that a bundle carries only the
 * namespaces it uses (see ./namespaces.ts).
 */
/** Catalogue rows: name -> [argument type words, result type word, capability?]. */
export type Rows = Readonly<Record<string, readonly [readonly string[], string, ...string[]]>>;

export const apiRows = {
  'api::invoke': [['string', 'object?'], 'any'],
} as const satisfies Rows;

export const arrayRows = {
  'array::add': [['array', 'any'], 'array'],
  'array::all': [['array', 'any?'], 'bool'],
  'array::any': [['array', 'any?'], 'bool'],
  'array::append': [['array', 'any'], 'array'],
  'array::at': [['array', 'int'], 'any'],
  'array::boolean_and': [['array', 'array'], 'array'],
  'array::boolean_not': [['array'], 'array'],
  'array::boolean_or': [['array', 'array'], 'array'],
  'array::boolean_xor': [['array', 'array'], 'array'],
  'array::clump': [['array', 'int'], 'array'],
  'array::combine': [['array', 'array'], 'array'],
  'array::complement': [['array', 'array'], 'array'],
  'array::concat': [['...array'], 'array'],
  'array::difference': [['array', 'array'], 'array'],
  'array::distinct': [['array'], 'array'],
  'array::fill': [['array', 'any', 'any?', 'int?'], 'array'],
  'array::filter': [['array', 'any'], 'array'],
  'array::filter_index': [['array', 'any'], 'array'],
  'array::find': [['array', 'any'], 'any'],
  'array::find_index': [['array', 'any'], 'number'],
  'array::first': [['array'], 'any'],
  'array::flatten': [['array'], 'array'],
  'array::fold': [['array', 'any', 'closure'], 'any'],
  'array::group': [['array'], 'array'],
  'array::insert': [['array', 'any', 'int?'], 'array'],
  'array::intersect': [['array', 'array'], 'array'],
  'array::is_empty': [['array'], 'bool'],
  'array::join': [['array', 'string'], 'string'],
  'array::last': [['array'], 'any'],
  'array::len': [['array'], 'number'],
  'array::logical_and': [['array', 'array'], 'array'],
  'array::logical_or': [['array', 'array'], 'array'],
  'array::logical_xor': [['array', 'array'], 'array'],
  'array::map': [['array', 'closure'], 'array'],
  'array::matches': [['array', 'any'], 'array'],
  'array::max': [['array'], 'any'],
  'array::min': [['array'], 'any'],
  'array::pop': [['array'], 'any'],
  'array::prepend': [['array', 'any'], 'array'],
  'array::push': [['array', 'any'], 'array'],
  'array::range': [['any', 'int?'], 'array'],
  'array::reduce': [['array', 'closure'], 'any'],
  'array::remove': [['array', 'int'], 'array'],
  'array::repeat': [['any', 'int'], 'array'],
  'array::reverse': [['array'], 'array'],
  'array::sequence': [['int', 'int?'], 'array'],
  'array::shuffle': [['array'], 'array'],
  'array::slice': [['array', 'any?', 'int?'], 'array'],
  'array::sort': [['array', 'any?'], 'array'],
  'array::sort::asc': [['array'], 'array'],
  'array::sort::desc': [['array'], 'array'],
  'array::sort_lexical': [['array', 'any?'], 'array'],
  'array::sort_natural': [['array', 'any?'], 'array'],
  'array::sort_natural_lexical': [['array', 'any?'], 'array'],
  'array::swap': [['array', 'int', 'int'], 'array'],
  'array::transpose': [['array'], 'array'],
  'array::union': [['array', 'array'], 'array'],
  'array::windows': [['array', 'int'], 'array'],
} as const satisfies Rows;

export const bytesRows = {
  'bytes::len': [['bytes'], 'number'],
} as const satisfies Rows;

export const countRows = {
  'count': [['any?'], 'number'],
} as const satisfies Rows;

export const cryptoRows = {
  'crypto::argon2::compare': [['string', 'string'], 'bool'],
  'crypto::argon2::generate': [['string'], 'string'],
  'crypto::bcrypt::compare': [['string', 'string'], 'bool'],
  'crypto::bcrypt::generate': [['string'], 'string'],
  'crypto::blake3': [['string'], 'string'],
  'crypto::joaat': [['string'], 'number'],
  'crypto::md5': [['string'], 'string'],
  'crypto::pbkdf2::compare': [['string', 'string'], 'bool'],
  'crypto::pbkdf2::generate': [['string'], 'string'],
  'crypto::scrypt::compare': [['string', 'string'], 'bool'],
  'crypto::scrypt::generate': [['string'], 'string'],
  'crypto::sha1': [['string'], 'string'],
  'crypto::sha256': [['string'], 'string'],
  'crypto::sha512': [['string'], 'string'],
} as const satisfies Rows;

export const durationRows = {
  'duration::days': [['duration'], 'number'],
  'duration::from_days': [['int'], 'duration'],
  'duration::from_hours': [['int'], 'duration'],
  'duration::from_micros': [['int'], 'duration'],
  'duration::from_millis': [['int'], 'duration'],
  'duration::from_mins': [['int'], 'duration'],
  'duration::from_nanos': [['int'], 'duration'],
  'duration::from_secs': [['int'], 'duration'],
  'duration::from_weeks': [['int'], 'duration'],
  'duration::hours': [['duration'], 'number'],
  'duration::micros': [['duration'], 'number'],
  'duration::millis': [['duration'], 'number'],
  'duration::mins': [['duration'], 'number'],
  'duration::nanos': [['duration'], 'number'],
  'duration::secs': [['duration'], 'number'],
  'duration::weeks': [['duration'], 'number'],
  'duration::years': [['duration'], 'number'],
} as const satisfies Rows;

export const encodingRows = {
  'encoding::base64::decode': [['string'], 'bytes'],
  'encoding::base64::encode': [['bytes', 'bool?'], 'string'],
  'encoding::cbor::decode': [['bytes'], 'any'],
  'encoding::cbor::encode': [['any'], 'bytes'],
} as const satisfies Rows;

export const fileRows = {
  'file::bucket': [['file'], 'string', 'files'],
  'file::copy': [['file', 'any'], 'any', 'files'],
  'file::copy_if_not_exists': [['file', 'any'], 'any', 'files'],
  'file::delete': [['file'], 'any', 'files'],
  'file::exists': [['file'], 'bool', 'files'],
  'file::get': [['file'], 'any', 'files'],
  'file::head': [['file'], 'any', 'files'],
  'file::key': [['file'], 'string', 'files'],
  'file::list': [['string', 'object?'], 'any', 'files'],
  'file::put': [['file', 'any'], 'any', 'files'],
  'file::put_if_not_exists': [['file', 'any'], 'any', 'files'],
  'file::rename': [['file', 'string'], 'any', 'files'],
  'file::rename_if_not_exists': [['file', 'string'], 'any', 'files'],
} as const satisfies Rows;

export const geoRows = {
  'geo::area': [['geometry'], 'number'],
  'geo::bearing': [['geometry', 'geometry'], 'number'],
  'geo::centroid': [['geometry'], 'geometry'],
  'geo::distance': [['geometry', 'geometry'], 'number'],
  'geo::hash::decode': [['any'], 'geometry'],
  'geo::hash::encode': [['geometry', 'int?'], 'string'],
  'geo::is_valid': [['geometry'], 'bool'],
} as const satisfies Rows;

export const httpRows = {
  'http::delete': [['any', 'any?'], 'any'],
  'http::get': [['any', 'any?'], 'any'],
  'http::head': [['any', 'any?'], 'any'],
  'http::patch': [['any', 'any?', 'any?'], 'any'],
  'http::post': [['any', 'any?', 'any?'], 'any'],
  'http::put': [['any', 'any?', 'any?'], 'any'],
} as const satisfies Rows;

export const mathRows = {
  'math::abs': [['number'], 'number'],
  'math::acos': [['number'], 'number'],
  'math::acot': [['number'], 'number'],
  'math::asin': [['number'], 'number'],
  'math::atan': [['number'], 'number'],
  'math::bottom': [['number[]', 'int'], 'number[]'],
  'math::ceil': [['number'], 'number'],
  'math::clamp': [['number', 'number', 'number'], 'number'],
  'math::cos': [['number'], 'number'],
  'math::cot': [['number'], 'number'],
  'math::deg2rad': [['number'], 'number'],
  'math::fixed': [['number', 'int'], 'number'],
  'math::floor': [['number'], 'number'],
  'math::interquartile': [['number[]'], 'number'],
  'math::lerp': [['number', 'number', 'number'], 'number'],
  'math::lerpangle': [['number', 'number', 'number'], 'number'],
  'math::ln': [['number'], 'number'],
  'math::log': [['number', 'number'], 'number'],
  'math::log10': [['number'], 'number'],
  'math::log2': [['number'], 'number'],
  'math::max': [['number[]'], 'number'],
  'math::mean': [['number[]'], 'number'],
  'math::median': [['number[]'], 'number'],
  'math::midhinge': [['number[]'], 'number'],
  'math::min': [['number[]'], 'number'],
  'math::mode': [['number[]'], 'number'],
  'math::nearestrank': [['number[]', 'number'], 'number'],
  'math::percentile': [['number[]', 'number'], 'number'],
  'math::pow': [['number', 'number'], 'number'],
  'math::product': [['number[]'], 'number'],
  'math::rad2deg': [['number'], 'number'],
  'math::round': [['number'], 'number'],
  'math::sign': [['number'], 'number'],
  'math::sin': [['number'], 'number'],
  'math::spread': [['number[]'], 'number'],
  'math::sqrt': [['number'], 'number'],
  'math::stddev': [['number[]'], 'number'],
  'math::sum': [['number[]'], 'number'],
  'math::tan': [['number'], 'number'],
  'math::top': [['number[]', 'int'], 'number[]'],
  'math::trimean': [['number[]'], 'number'],
  'math::variance': [['number[]'], 'number'],
} as const satisfies Rows;

export const metaRows = {
  'meta::id': [['record'], 'any'],
  'meta::tb': [['record'], 'string'],
} as const satisfies Rows;

export const notRows = {
  'not': [['any'], 'bool'],
} as const satisfies Rows;

export const objectRows = {
  'object::entries': [['object'], 'array'],
  'object::extend': [['object', 'object'], 'object'],
  'object::from_entries': [['array'], 'object'],
  'object::is_empty': [['object'], 'bool'],
  'object::keys': [['object'], 'string[]'],
  'object::len': [['object'], 'number'],
  'object::remove': [['object', 'any'], 'object'],
  'object::values': [['object'], 'array'],
} as const satisfies Rows;

export const parseRows = {
  'parse::email::host': [['string'], 'string'],
  'parse::email::user': [['string'], 'string'],
  'parse::url::domain': [['string'], 'string'],
  'parse::url::fragment': [['string'], 'string'],
  'parse::url::host': [['string'], 'string'],
  'parse::url::path': [['string'], 'string'],
  'parse::url::port': [['string'], 'number'],
  'parse::url::query': [['string'], 'string'],
  'parse::url::scheme': [['string'], 'string'],
} as const satisfies Rows;

export const randRows = {
  'rand': [[], 'number'],
  'rand::bool': [[], 'bool'],
  'rand::duration': [['duration', 'duration'], 'duration'],
  'rand::enum': [['...any'], 'any'],
  'rand::float': [['number?', 'number?'], 'number'],
  'rand::id': [['int?', 'int?'], 'string'],
  'rand::int': [['int?', 'int?'], 'number'],
  'rand::string': [['int?', 'int?'], 'string'],
  'rand::time': [['datetime?', 'datetime?'], 'datetime'],
  'rand::ulid': [['datetime?'], 'string'],
  'rand::uuid': [['datetime?'], 'uuid'],
  'rand::uuid::v4': [[], 'uuid'],
  'rand::uuid::v7': [['datetime?'], 'uuid'],
} as const satisfies Rows;

export const recordRows = {
  'record::exists': [['record'], 'bool'],
  'record::id': [['record'], 'any'],
  'record::is_edge': [['any'], 'bool'],
  'record::table': [['record'], 'string'],
  'record::tb': [['record'], 'string'],
} as const satisfies Rows;

export const schemaRows = {
  'schema::table::exists': [['string'], 'bool'],
} as const satisfies Rows;

export const searchRows = {
  'search::analyze': [['string', 'string'], 'string[]'],
  'search::highlight': [['any', 'any', 'ref', 'bool?'], 'any'],
  'search::linear': [['array', 'array', 'int', 'string'], 'array'],
  'search::offsets': [['ref', 'bool?'], 'any'],
  'search::rrf': [['array', 'int', 'int?'], 'array'],
  'search::score': [['ref'], 'number'],
} as const satisfies Rows;

export const sequenceRows = {
  'sequence::nextval': [['string'], 'number'],
} as const satisfies Rows;

export const sessionRows = {
  'session::ac': [[], 'any'],
  'session::db': [[], 'any'],
  'session::id': [[], 'any'],
  'session::ip': [[], 'any'],
  'session::ns': [[], 'any'],
  'session::origin': [[], 'any'],
  'session::rd': [[], 'any'],
  'session::token': [[], 'any'],
} as const satisfies Rows;

export const setRows = {
  'set::add': [['set', 'any'], 'set'],
  'set::at': [['set', 'int'], 'any'],
  'set::complement': [['set', 'set'], 'set'],
  'set::contains': [['set', 'any'], 'bool'],
  'set::difference': [['set', 'set'], 'set'],
  'set::filter': [['set', 'any'], 'set'],
  'set::find': [['set', 'any'], 'any'],
  'set::first': [['set'], 'any'],
  'set::flatten': [['set'], 'set'],
  'set::fold': [['set', 'any', 'closure'], 'any'],
  'set::intersect': [['set', 'set'], 'set'],
  'set::is_empty': [['set'], 'bool'],
  'set::join': [['set', 'string'], 'string'],
  'set::last': [['set'], 'any'],
  'set::len': [['set'], 'number'],
  'set::map': [['set', 'closure'], 'set'],
  'set::max': [['set'], 'any'],
  'set::min': [['set'], 'any'],
  'set::reduce': [['set', 'closure'], 'any'],
  'set::remove': [['set', 'any'], 'set'],
  'set::slice': [['set', 'any?', 'int?'], 'set'],
  'set::union': [['set', 'set'], 'set'],
} as const satisfies Rows;

export const sleepRows = {
  'sleep': [['duration'], 'none'],
} as const satisfies Rows;

export const stringRows = {
  'string::capitalize': [['string'], 'string'],
  'string::concat': [['...any'], 'string'],
  'string::contains': [['string', 'string'], 'bool'],
  'string::distance::damerau_levenshtein': [['string', 'string'], 'number'],
  'string::distance::hamming': [['string', 'string'], 'number'],
  'string::distance::levenshtein': [['string', 'string'], 'number'],
  'string::distance::normalized_damerau_levenshtein': [['string', 'string'], 'number'],
  'string::distance::normalized_levenshtein': [['string', 'string'], 'number'],
  'string::distance::osa': [['string', 'string'], 'number'],
  'string::ends_with': [['string', 'string'], 'bool'],
  'string::html::encode': [['string'], 'string'],
  'string::html::sanitize': [['string'], 'string'],
  'string::is_alpha': [['string'], 'bool'],
  'string::is_alphanum': [['string'], 'bool'],
  'string::is_ascii': [['string'], 'bool'],
  'string::is_datetime': [['string', 'string?'], 'bool'],
  'string::is_domain': [['string'], 'bool'],
  'string::is_email': [['string'], 'bool'],
  'string::is_hexadecimal': [['string'], 'bool'],
  'string::is_ip': [['string'], 'bool'],
  'string::is_ipv4': [['string'], 'bool'],
  'string::is_ipv6': [['string'], 'bool'],
  'string::is_latitude': [['string'], 'bool'],
  'string::is_longitude': [['string'], 'bool'],
  'string::is_numeric': [['string'], 'bool'],
  'string::is_record': [['string', 'any?'], 'bool'],
  'string::is_semver': [['string'], 'bool'],
  'string::is_ulid': [['string'], 'bool'],
  'string::is_url': [['string'], 'bool'],
  'string::is_uuid': [['string'], 'bool'],
  'string::join': [['string', '...any'], 'string'],
  'string::len': [['string'], 'number'],
  'string::lowercase': [['string'], 'string'],
  'string::matches': [['string', 'string'], 'bool'],
  'string::repeat': [['string', 'int'], 'string'],
  'string::replace': [['string', 'any', 'string'], 'string'],
  'string::reverse': [['string'], 'string'],
  'string::semver::compare': [['string', 'string'], 'number'],
  'string::semver::inc::major': [['string'], 'string'],
  'string::semver::inc::minor': [['string'], 'string'],
  'string::semver::inc::patch': [['string'], 'string'],
  'string::semver::major': [['string'], 'number'],
  'string::semver::minor': [['string'], 'number'],
  'string::semver::patch': [['string'], 'number'],
  'string::semver::set::major': [['string', 'int'], 'string'],
  'string::semver::set::minor': [['string', 'int'], 'string'],
  'string::semver::set::patch': [['string', 'int'], 'string'],
  'string::similarity::fuzzy': [['string', 'string'], 'number'],
  'string::similarity::jaro': [['string', 'string'], 'number'],
  'string::similarity::jaro_winkler': [['string', 'string'], 'number'],
  'string::similarity::smithwaterman': [['string', 'string'], 'number'],
  'string::similarity::sorensen_dice': [['string', 'string'], 'number'],
  'string::slice': [['string', 'any?', 'int?'], 'string'],
  'string::slug': [['string'], 'string'],
  'string::split': [['string', 'string'], 'string[]'],
  'string::starts_with': [['string', 'string'], 'bool'],
  'string::trim': [['string'], 'string'],
  'string::uppercase': [['string'], 'string'],
  'string::words': [['string'], 'string[]'],
} as const satisfies Rows;

export const timeRows = {
  'time::ceil': [['datetime', 'duration'], 'datetime'],
  'time::day': [['datetime?'], 'number'],
  'time::floor': [['datetime', 'duration'], 'datetime'],
  'time::format': [['datetime', 'string'], 'string'],
  'time::from_micros': [['int'], 'datetime'],
  'time::from_millis': [['int'], 'datetime'],
  'time::from_nanos': [['int'], 'datetime'],
  'time::from_secs': [['int'], 'datetime'],
  'time::from_ulid': [['string'], 'datetime'],
  'time::from_unix': [['int'], 'datetime'],
  'time::from_uuid': [['uuid'], 'datetime'],
  'time::group': [['datetime', 'string'], 'datetime'],
  'time::hour': [['datetime?'], 'number'],
  'time::is_leap_year': [['datetime?'], 'bool'],
  'time::max': [['datetime[]'], 'datetime'],
  'time::micros': [['datetime?'], 'number'],
  'time::millis': [['datetime?'], 'number'],
  'time::min': [['datetime[]'], 'datetime'],
  'time::minute': [['datetime?'], 'number'],
  'time::month': [['datetime?'], 'number'],
  'time::nano': [['datetime?'], 'number'],
  'time::now': [[], 'datetime'],
  'time::round': [['datetime', 'duration'], 'datetime'],
  'time::second': [['datetime?'], 'number'],
  'time::set_day': [['datetime', 'number'], 'datetime'],
  'time::set_hour': [['datetime', 'number'], 'datetime'],
  'time::set_minute': [['datetime', 'number'], 'datetime'],
  'time::set_month': [['datetime', 'number'], 'datetime'],
  'time::set_nanosecond': [['datetime', 'number'], 'datetime'],
  'time::set_second': [['datetime', 'number'], 'datetime'],
  'time::set_year': [['datetime', 'number'], 'datetime'],
  'time::timezone': [[], 'string'],
  'time::unix': [['datetime?'], 'number'],
  'time::wday': [['datetime?'], 'number'],
  'time::week': [['datetime?'], 'number'],
  'time::yday': [['datetime?'], 'number'],
  'time::year': [['datetime?'], 'number'],
} as const satisfies Rows;

export const typeRows = {
  'type::array': [['any'], 'array'],
  'type::bool': [['any'], 'bool'],
  'type::bytes': [['any'], 'bytes'],
  'type::datetime': [['any'], 'datetime'],
  'type::decimal': [['any'], 'decimal'],
  'type::duration': [['any'], 'duration'],
  'type::field': [['string'], 'any'],
  'type::fields': [['string[]'], 'any'],
  'type::file': [['string', 'string'], 'file', 'files'],
  'type::float': [['any'], 'number'],
  'type::geometry': [['any'], 'geometry'],
  'type::int': [['any'], 'number'],
  'type::is_array': [['any'], 'bool'],
  'type::is_bool': [['any'], 'bool'],
  'type::is_bytes': [['any'], 'bool'],
  'type::is_collection': [['any'], 'bool'],
  'type::is_datetime': [['any'], 'bool'],
  'type::is_decimal': [['any'], 'bool'],
  'type::is_duration': [['any'], 'bool'],
  'type::is_float': [['any'], 'bool'],
  'type::is_geometry': [['any'], 'bool'],
  'type::is_int': [['any'], 'bool'],
  'type::is_line': [['any'], 'bool'],
  'type::is_multiline': [['any'], 'bool'],
  'type::is_multipoint': [['any'], 'bool'],
  'type::is_multipolygon': [['any'], 'bool'],
  'type::is_none': [['any'], 'bool'],
  'type::is_null': [['any'], 'bool'],
  'type::is_number': [['any'], 'bool'],
  'type::is_object': [['any'], 'bool'],
  'type::is_point': [['any'], 'bool'],
  'type::is_polygon': [['any'], 'bool'],
  'type::is_range': [['any'], 'bool'],
  'type::is_record': [['any', 'string?'], 'bool'],
  'type::is_set': [['any'], 'bool'],
  'type::is_string': [['any'], 'bool'],
  'type::is_uuid': [['any'], 'bool'],
  'type::number': [['any'], 'number'],
  'type::of': [['any'], 'string'],
  'type::point': [['any'], 'geometry'],
  'type::range': [['any'], 'range'],
  'type::record': [['any', 'any?'], 'record'],
  'type::set': [['any'], 'set'],
  'type::string': [['any'], 'string'],
  'type::string_lossy': [['any'], 'string'],
  'type::table': [['any'], 'table'],
  'type::uuid': [['any'], 'uuid'],
} as const satisfies Rows;

export const valueRows = {
  'value::diff': [['any', 'any'], 'array'],
  'value::patch': [['any', 'any'], 'any'],
} as const satisfies Rows;

export const vectorRows = {
  'vector::add': [['number[]', 'number[]'], 'number[]'],
  'vector::angle': [['number[]', 'number[]'], 'number'],
  'vector::cross': [['number[]', 'number[]'], 'number[]'],
  'vector::distance::chebyshev': [['number[]', 'number[]'], 'number'],
  'vector::distance::euclidean': [['number[]', 'number[]'], 'number'],
  'vector::distance::hamming': [['number[]', 'number[]'], 'number'],
  'vector::distance::knn': [['ref?'], 'number'],
  'vector::distance::manhattan': [['number[]', 'number[]'], 'number'],
  'vector::distance::minkowski': [['number[]', 'number[]', 'number'], 'number'],
  'vector::divide': [['number[]', 'number[]'], 'number[]'],
  'vector::dot': [['number[]', 'number[]'], 'number'],
  'vector::magnitude': [['number[]'], 'number'],
  'vector::multiply': [['number[]', 'number[]'], 'number[]'],
  'vector::normalize': [['number[]'], 'number[]'],
  'vector::project': [['number[]', 'number[]'], 'number[]'],
  'vector::scale': [['number[]', 'number'], 'number[]'],
  'vector::similarity::cosine': [['number[]', 'number[]'], 'number'],
  'vector::similarity::jaccard': [['number[]', 'number[]'], 'number'],
  'vector::similarity::pearson': [['number[]', 'number[]'], 'number'],
  'vector::subtract': [['number[]', 'number[]'], 'number[]'],
} as const satisfies Rows;

/** Every built-in function, by the name SurrealQL spells it. */
export const catalogue: Catalogue = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ Object.assign(
    {},
    apiRows, arrayRows, bytesRows, countRows, cryptoRows, durationRows, encodingRows, fileRows, geoRows,
    httpRows, mathRows, metaRows, notRows, objectRows, parseRows, randRows, recordRows, schemaRows,
    searchRows, sequenceRows, sessionRows, setRows, sleepRows, stringRows, timeRows, typeRows, valueRows,
    vectorRows,
  ),
);

type Catalogue = typeof apiRows &
  typeof arrayRows &
  typeof bytesRows &
  typeof countRows &
  typeof cryptoRows &
  typeof durationRows &
  typeof encodingRows &
  typeof fileRows &
  typeof geoRows &
  typeof httpRows &
  typeof mathRows &
  typeof metaRows &
  typeof notRows &
  typeof objectRows &
  typeof parseRows &
  typeof randRows &
  typeof recordRows &
  typeof schemaRows &
  typeof searchRows &
  typeof sequenceRows &
  typeof sessionRows &
  typeof setRows &
  typeof sleepRows &
  typeof stringRows &
  typeof timeRows &
  typeof typeRows &
  typeof valueRows &
  typeof vectorRows;

/** The name of a built-in function, as SurrealQL spells it (`string::distance::levenshtein`). */
export type FunctionName = keyof typeof catalogue;
