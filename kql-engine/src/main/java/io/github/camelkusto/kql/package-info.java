/**
 * The embedded KQL engine. It knows nothing of Camel or storage. This package (API) holds the exceptions users
 * catch ({@code KustoException}, {@code KustoTimeoutException}) and small shared helpers; each sub-package's
 * package-info says whether it is API (exported by the OSGi manifest) or internal ({@code plan},
 * {@code functions.builtin}).
 *
 * <h2>Layout (no package cycles: {@code ArchitectureTest} fails the build on one)</h2>
 * <ul>
 *   <li>{@code types}: {@code KqlType}, Kusto's text and JSON forms of values ({@code KqlValues}: {@code render},
 *       {@code toKustoString}, {@code toJson}), {@code Ticks} (100 ns).</li>
 *   <li>{@code data}: {@code Batch} of typed column {@code Vector}s ({@code LongVector}: bool/int/long/datetime/
 *       timespan; {@code DoubleVector}: real; {@code ObjectVector}: string/decimal/guid/dynamic), null masks,
 *       constant vectors ({@code mask() == 0}: read storage as {@code values[i & mask]}), {@code Partition} /
 *       {@code BatchStream} / {@code QueryResult}.</li>
 *   <li>{@code syntax}: lexer, {@code QueryParser} (recursive descent, Kusto precedence), AST records in
 *       {@code syntax.ast} ({@code Expr}, {@code TabularExpression}, {@code TabularOperator}, {@code Query}).</li>
 *   <li>{@code functions}: the scalar and aggregate function SPIs and the {@code FunctionRegistry}, which knows
 *       no built-in; the built-ins are in {@code functions.builtin} (one library, {@code BuiltInFunctions}, that
 *       {@code QueryEngine} registers).</li>
 *   <li>{@code plan}: the {@code Binder} (names, types, promotion, automatic column names, errors with "did you
 *       mean") produces {@code PlanNode}s over {@code BoundExpr}s. Nothing executes before it passes.</li>
 *   <li>{@code exec}: {@code QueryEngine} (parse, bind, run) and the operators over batch streams.</li>
 *   <li>{@code catalog}: databases, tables of extents, the data-folder loader.</li>
 * </ul>
 *
 * <h2>Adding a scalar function</h2>
 * Register a {@code ScalarFunction} in a {@code FunctionLibrary}: add a line to an existing library of
 * {@code functions.builtin} (or a new library class listed in {@code BuiltInFunctions}, or contributed
 * through {@code META-INF/services/io.github.camelkusto.kql.functions.FunctionLibrary}). Most functions
 * are a table of signatures with a row-wise kernel; the framework handles nulls (null in, null out), constant
 * arguments (computed once) and implicit widening (int to long to real) when picking the signature:
 * <pre>{@code
 * registry.register(Overloads.of("reverse")
 *         .add(STRING, RowWise.stringToString(s -> new StringBuilder(s).reverse().toString()), STRING));
 * registry.register(Overloads.of("datetime_add")
 *         .add(DATETIME, RowWise.of(DATETIME, (part, n, t) -> ...), STRING, LONG, DATETIME));
 * }</pre>
 * Values handed to {@code RowWise} lambdas are the contract types of {@code Batch.value} (Long, Integer,
 * Double, String, Instant, Duration, UUID, BigDecimal, JsonNode, Boolean). A function whose result type depends
 * on its arguments, or that takes any number of them, implements {@code ScalarFunction.bind} itself (see
 * {@code ConditionalFunctions}); it throws {@code BindException} with a clear message for arguments that do not
 * fit, and the binder places it in the query text. Hot functions are written column-at-a-time over the primitive
 * arrays, as in {@code Operators} and {@code MathFunctions.bin}. A function that depends on row order
 * (prev, next) also implements {@code SerialFunction}.
 *
 * Operators written between their operands whose name is a word ({@code has}, {@code contains_cs}...) are
 * registered with {@code registerOperator}: a query may not call them as functions. Regex-based functions
 * ({@code RegexFunctions}) get their compiled pattern from one shared cache, never compiling per row.
 *
 * <h2>Adding an aggregation function</h2>
 * Implement {@code AggregateFunction} (bind: argument types to output types and a factory of
 * {@code GroupedAggregator}) and register it in a {@code FunctionLibrary} (see {@code BasicAggregates}).
 * A {@code GroupedAggregator} keeps state in arrays indexed by group id and is updated a batch at a time:
 * {@code update(int[] groupIds, Vector[] args, int rows)}, then {@code finish(groupCount)}. Override
 * {@code namePrefix()} / {@code outputNames()} for Kusto's automatic names ({@code make_list} is {@code list_x}).
 * When states of disjoint rows combine into exactly the state of all the rows, whatever the order, implement
 * {@code mergeable()} and {@code merge(...)}: a summarize whose aggregates all merge reads its input on every core
 * (cover it in {@code ParallelSummarizeTest}).
 *
 * <h2>Adding a tabular operator</h2>
 * Add its record to {@code TabularOperator} and its grammar to {@code QueryParser.tabularOperator}; in the
 * {@code Binder}, express it with existing {@code PlanNode}s when it can be (project-away is a
 * {@code Project}, distinct and count are {@code Aggregate}s, top is a {@code Sort} with a limit), else add a
 * {@code PlanNode} record and its execution in {@code PlanExecutor} (a streaming operator maps each partition's
 * stream; a materialising one reads all partitions and emits one).
 *
 * Operators that read columns out of a text ({@code parse}, {@code parse-where}, {@code parse-kv}) are one
 * {@code PlanNode.Extract} with a {@code TextExtraction} ({@code PatternExtraction}: the parse pattern as one
 * regex compiled at bind time; {@code KeyValueExtraction}); {@code search} is a {@code Filter} whose bare terms
 * the binder expands to {@code has} over every column.
 *
 * <h2>Execution</h2>
 * Streaming operators (where, project and its variants, extend, take, union, mv-expand, range, table scans) work
 * per partition and hold one batch at a time; {@code range} computes its rows lazily and is split into one partition
 * per core. summarize, sort/top, distinct and count materialise their input (the documented exception to bounded
 * memory), and so do make-series and top-nested (bound as summarize's aggregates, then shaped by
 * {@code SeriesOperators}), scan (its rows are read in order, one at a time, by {@code ScanOperator}) and the
 * percentile aggregates (each group's values are kept until finish). join and lookup are a hash join ({@code JoinOperator}): the right side (the smaller one by Kusto's
 * convention) is read once into columns and hashed by its keys; the left side streams partition by partition,
 * each batch's keys looked up column-at-a-time and the output gathered by row indexes, so a big left input stays
 * bounded and only the right side is held. Kinds that emit unmatched or matched right rows (rightouter,
 * fullouter, rightsemi, rightanti) read the left partitions in one partition and emit those rows at its end.
 * Engine-made batches have at most {@code Batch.MAX_ROWS} rows; table extents are passed as stored.
 */
package io.github.camelkusto.kql;
