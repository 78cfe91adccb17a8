package dev.weft.it.fuzz;

import static dev.weft.Async.await;
import dev.weft.Generator;
import dev.weft.Future;
import dev.weft.fuzz.rt.*;
import java.util.concurrent.CompletableFuture;

// The fuzzer's verbatim output (issue 12 regression: a sync-family program whose monitor analysis
// passed ASM's default bound, so the whole class loaded unwoven); javac ignores "all".
@SuppressWarnings({"all", "cast", "fallthrough", "divzero", "empty", "finally", "static"})
public final class P5ighn9d {
int f = 3;
static final Object LOCK = new Object();
public static Future<Integer> m0(int d) throws Exception {
if (d <= 0) return Future.ready(await(L.i(9)));
try (Res r0 = new Res("r0", 8)) {
T.t(r0.use(((int) await(new P5ighn9d().e0(d - 1, "s1", 'f')))));
{
float v1 = (float) (short) (((short) await(L.s((short) 7))));
String v2 = "s2";
}
}
await(L.v());
T.t((switch ("s2") { case "s1", "s2" -> "s0"; case "s3" -> { T.t(4); yield java.util.Objects.requireNonNull("s0"); } default -> "s2"; }));
try {
T.t((float) (short) ((short) 1));
synchronized (P5ighn9d.LOCK) {
char v3 = (char) ('a' + Math.floorMod(((int) 5), 26));
float v4 = 2.25f;
}
char v5 = 'a';
}
finally {
await(L.v());
{
T.t((false ? new Box(-1L, "s3", 1) : new Box(6)));
{ int i7 = 0; L6: do {
synchronized (P5ighn9d.LOCK) {
T.t((byte) (int) (i7));
}
String v8 = ((String) await(L.str("s1")));
}
while (++i7 < 1); }
}
}
return Future.ready((new Box(-2).sum() << ((0 | 7) & 7)));
}

static Future<Integer> m1(int d, boolean p9, String p10) throws Exception {
if (d <= 0) return Future.ready(await(L.i(5)));
CharSequence v11 = ((CharSequence) await(L.cq("c0")));
synchronized (P5ighn9d.class) {
CharSequence v12 = L.vs((byte) 7, (byte) 4);
}
int v13 = ((int) await(L.i(((int) await(L.i(6))))));
Box v14 = ((Box) await(L.box(new Box(7))));
T.t(p10);
return Future.ready(((int) await(L.cs(((int) await(L.i(v13)))))));
}

private Future<Integer> m2(int d, double p15, long p16, float p17) throws Exception {
if (d <= 0) return Future.ready(await(L.i(0)));
try {
T.t(p15);
synchronized (this) {
switch (L.vs((false ? "s3" : new Box(0)), new Box(-2).toString())) {
case "s1": {
float v18 = 6.25f;
}
break;
case "s2": case "k": {
double v19 = (double) (int) (5);
short v20 = (short) (('b' + (short) 8) + (byte) 5);
}
break;
default: {
CharSequence v21 = "s3";
try {
boolean v22 = ((long) (int) (2) == (true ? p16 : p16));
synchronized (L.lock((true ? -1 : 3))) {
T.t(((9L == p16) ? (p15 - p15) : (double) (int) (6)));
boolean v23 = (v22 || (p16 == 8L));
}
T.t(v22);
}
catch (Exception ex24) {
T.t("sync caught " + ex24.getMessage());
{
byte v25 = (byte) 2;
String v26 = "s2";
}
}
finally {
{
synchronized (P5ighn9d.class) {
short v27 = (short) (8 + (byte) -1);
p17 = (p17 * p17);
}
}
}
}
}
}
synchronized (P5ighn9d.class) {
try {
Object v28 = (false ? "s3" : (Integer) ((int) 7));
synchronized (this) {
double v29 = (false ? p15 : p15);
}
if (((p16 == p16) ? (p16 == p16) : !true)) throw new FuzzException("t" + -1);
}
catch (RuntimeException ex30) {
T.t("sync caught " + ex30.getMessage());
{
synchronized (this) {
boolean v31 = (false ? "s0" : "s0").isEmpty();
}
}
}
finally {
{
Object v32 = "o2";
T.t(new int[] {-2, new int[] {2, 2}.length, (-3 << (8 & 7))});
}
}
}
}
catch (Exception ex33) {
T.t("sync caught " + ex33.getMessage());
await(L.v());
{
switch (Math.floorMod((int) (0), 4)) {
case 0: {
double v34 = ((double) await(L.d(p15)));
}
case 2: {
byte v35 = (byte) (int) (((int) await(L.i(9))));
if (((boolean) await(L.z(true)))) return L.i(4);
}
break;
default: {
if ((5 == 5)) return Future.ready(((int) await(L.cs(4))));
Fn fn36 = x37 -> m0(d - 1);
}
}
{ int i39 = 0; L38: do {
int v40 = ((int) await(L.cs((switch (Math.floorMod(((int) 1), 4)) { case 0 -> 8; case 1, 2 -> { T.t("s3"); yield java.util.Objects.requireNonNull(7); } default -> 0; }))));
}
while (++i39 < 3); }
}
}
CharSequence v41 = (false ? "c0" : "c1");
this.f ^= ((4 << (4 & 7)) << (Integer.compare(7, 1) & 7));
switch (Math.floorMod((int) (((int) await(L.i((int) (long) (p16))))), 4)) {
case 0: {
boolean v42 = (p15 < p17);
synchronized (P5ighn9d.LOCK) {
boolean v43 = ((switch (Math.floorMod(((int) 4), 4)) { case 0 -> 0; case 1, 2 -> { T.t("s2"); yield java.util.Objects.requireNonNull(3); } default -> 4; }) == "s1".length());
}
}
break;
case 2: {
try {
T.t(((Box) await(L.box(new Box(9)))).toString());
synchronized (P5ighn9d.class) {
int[] v44 = new int[] {6, 2}.clone();
float v45 = ((p17 - p17) * (float) (short) ((short) -3));
T.t(new StringBuilder("s2").append(((short) (short) 2)).append(((String) "s2")).toString());
}
char v46 = ((char) await(L.c('d')));
}
finally {
await(L.i(0));
{
Fn fn47 = (int x48) -> {
try {
Fn fn49 = (int x50) -> {
try {
synchronized (this) {
Box v51 = new Box(1);
char v52 = (char) ('a' + Math.floorMod(((int) (int) (double) (3.5)), 26));
boolean v53 = (false || false);
}
synchronized (P5ighn9d.LOCK) {
if (((double) (int) (7) < (-3.25f + 6.25f))) return Future.ready((Math.max(((int) x50), ((int) x50)) << (L.va(7, 2, -2) & 7)));
float v54 = ((2.25f + 8.25f) - -3.25f);
}
float v55 = (float) (short) (((short) await(L.s((short) 9))));
}
finally {
await(L.v());
{
Object v56 = (true ? ((String) await(L.str("s2"))) : ((Box) await(L.box(new Box(-2)))));
}
}
if (((boolean) await(L.z(true)))) throw new FuzzException("t" + (2 / (-2 | 1)));
return Future.ready(x50);
};
synchronized (P5ighn9d.class) {
int[] v57 = ((-1L == -1L) ? (false ? new int[] {2, 2} : new int[] {-3, 2}) : new int[] {5, 2});
}
await(L.v());
}
finally {
await(L.i(0));
{
T.t((float) (short) ((short) -3));
}
}
synchronized (L.lock((int) await(L.i(((int) await(L.i(x48))))))) {
Object v58 = (true ? "s3" : new Box(4));
synchronized (P5ighn9d.LOCK) {
int[] v59 = new int[] {9, 2};
String v60 = ("k" + (short) 5 + (byte) 4).concat((true ? "s2" : "s1"));
CharSequence v61 = "c0";
}
}
return Future.ready((int) (double) (((double) await(L.d(-2.5)))));
};
}
}
L62: for (int i63 = 0; i63 < 2; i63++) {
synchronized (L.lock((int) await(L.i((switch (Math.floorMod(((int) i63), 4)) { case 0 -> i63; case 1, 2 -> { T.t("s1"); yield java.util.Objects.requireNonNull(i63); } default -> i63; }))))) {
int[] v64 = new int[] {i63, i63, i63};
}
await(L.v());
}
}
break;
default: {
switch ("s2") {
case "s1": {
p16 = p16;
}
break;
case "s2": case "k": {
if (false) throw new FuzzException("t" + 6);
short v65 = (short) (0 + (byte) 8);
}
break;
default: {
byte v66 = (byte) (int) (2);
}
}
try (Res r67 = new Res("r67", ((true && false) ? ((int) await(m0(d - 1))) : 5))) {
T.t(r67.use(-3));
{
Fn fn68 = (int x69) -> {
String v70 = (switch (((String) await(L.str("s3")))) { case "s1", "s2" -> new Box(0).toString(); case "s3" -> { T.t(x69); yield java.util.Objects.requireNonNull("s2".concat("s0")); } default -> G.drain(g0(x69)); });
return Future.ready(x69);
};
Object v71 = "o0";
}
}
}
}
return Future.ready(new Box(0L, "s2", -3).sum());
}

private Future<Integer> m3(int d) throws Exception {
if (d <= 0) return Future.ready(await(L.i(6)));
char v72 = (char) ('a' + Math.floorMod(((int) (switch (Math.floorMod(((int) 0), 4)) { case 0 -> 7; case 1, 2 -> { T.t("s0"); yield java.util.Objects.requireNonNull(3); } default -> 4; })), 26));
try {
switch (String.valueOf(((Box) new Box(-3)))) {
case "s1": {
char v73 = v72;
}
break;
case "s2": case "k": {
T.t(((float) await(L.f(5.25f))));
try {
int[] v74 = new int[Math.floorMod(((int) 1), 4) + 1];
synchronized (this) {
Object v75 = (true ? "o0" : "o0");
}
String v76 = String.valueOf(((String) "s2"));
}
catch (Exception ex77) {
T.t("sync caught " + ex77.getMessage());
await(L.i(0));
{
T.t(new int[] {4, 2}.clone());
}
}
finally {
await(L.v());
{
Fn fn78 = x79 -> this.m3(d - 1);
}
}
}
break;
default: {
float v80 = 4.25f;
}
}
{
Object v81 = "o0";
}
}
catch (FuzzException ex82) {
T.t("caught " + ex82.getMessage());
{
synchronized (P5ighn9d.class) {
byte v83 = (byte) (int) (new Box(6).sum());
Object v84 = (true ? "s2" : (Integer) ((int) 6));
int v85 = "s1".length();
}
double v86 = ((double) await(L.d(-2.5)));
}
}
catch (RuntimeException ex87) {
T.t("caught " + ex87.getMessage());
{
{
T.t(G.drain(g0(9)));
CharSequence v88 = new StringBuilder("c0");
}
}
}
finally {
{ int i90 = 0; L89: while (i90++ < 0) {
await(L.i(0));
}
}
}
switch (Color.of((int) (((int) await(L.i(((int) await(L.i(-2))))))))) {
case RED: {
L91: for (int i92 = 0; i92 < 1; i92++) {
synchronized (P5ighn9d.class) {
String v93 = new StringBuilder("s0").append(((boolean) true)).append(((String) "s1")).toString();
synchronized (L.lock(new Box(2).sum())) {
boolean v94 = (2L == -2L);
Box v95 = new Box(Math.max(((int) -1), ((int) i92)));
double v96 = (9.5 + -2.5);
}
if ((false ? true : true)) break;
short v97 = (short) (L.va(i92, i92, i92) + (byte) 3);
}
await(L.i(0));
Box v98 = new Box(-2L, "s0", 1);
}
}
break;
case BLUE: {
try {
CharSequence v99 = new StringBuilder("s1");
synchronized (this) {
long v100 = (8L ^ 8L);
}
int[] v101 = new int[] {5, 2};
}
catch (FuzzException ex102) {
T.t("sync caught " + ex102.getMessage());
await(L.v());
{
double v103 = -1.5;
synchronized (P5ighn9d.LOCK) {
if (("s3".isEmpty() || true)) return Future.ready(1);
}
}
}
finally {
await(L.v());
{
CharSequence v104 = ((CharSequence) await(L.cq("c1")));
}
}
synchronized (this) {
L105: for (int i106 = 0; i106 < 1; i106++) {
synchronized (P5ighn9d.class) {
float v107 = (float) (short) ((short) -3);
CharSequence v108 = (false ? "s2" : new StringBuilder("s1"));
if ((-2L == 0L)) continue;
short v109 = (short) (i106 + (byte) 1);
}
float v110 = (float) (short) ((short) 9);
}
}
}
default: {
switch (Color.of((int) (((int) await(this.m2(d - 1, -3.5, (long) (int) (2), -3.25f)))))) {
case RED: {
CharSequence v111 = T.show(new int[] {6, 2});
}
break;
case BLUE: {
byte v112 = (byte) (int) (5);
}
default: {
char v113 = (char) ('a' + Math.floorMod(((int) 0), 26));
await(L.i(0));
}
}
L114: for (String e115 : java.util.List.of(((String) await(L.str("s3"))), (switch ("s3") { case "s1", "s2" -> "s1"; case "s3" -> { T.t(8); yield java.util.Objects.requireNonNull("s0"); } default -> "s0"; }))) {
double v116 = ((double) await(L.d(-1.5)));
}
}
}
synchronized (P5ighn9d.class) {
{
double v117 = -1.5;
}
switch (Color.of((int) (((2 / (-1 | 1)) ^ (4 << (-1 & 7)))))) {
case RED: {
double v118 = (8.5 - 4.5);
}
break;
case BLUE: {
boolean v119 = "s2".isEmpty();
String v120 = new StringBuilder("s1").append(((byte) (byte) (int) (-1))).append(((byte) (byte) (int) (0))).toString();
}
default: {
int[] v121 = new int[Math.floorMod(((int) -1), 4) + 1];
}
}
L122: for (int i123 = 0; i123 < 1; i123++) {
synchronized (this) {
CharSequence v124 = (true ? "s1" : new StringBuilder("s0"));
long v125 = (long) (int) (i123);
String v126 = L.vs(v124, "s1");
if ("s3".isEmpty()) continue;
Object v127 = (Object) ((char) (char) ('a' + Math.floorMod(((int) i123), 26)));
}
int[] v128 = new int[] {9, 2}.clone();
}
}
return Future.ready(((int) await(L.i(9))));
}

CompletableFuture<Integer> e0(int d, String p129, char p130) throws Exception {
if (d <= 0) return CompletableFuture.completedFuture(await(L.i(2)));
try {
short v131 = (short) (((int) await(L.i(6))) + (byte) (int) (1));
synchronized (P5ighn9d.LOCK) {
boolean v132 = ((7 > 6) && false);
}
char v133 = ((char) await(L.c((char) ('a' + Math.floorMod(((int) 2), 26)))));
}
finally {
await(L.v());
{
synchronized (L.lock((int) await(L.i((false ? 1 : 5))))) {
double v134 = 9.5;
float v135 = ((float) (short) ((short) 0) - (2.25f + 7.25f));
}
}
}
return CompletableFuture.completedFuture(2);
}

static Generator<Integer> g0(int n136) throws Exception {
G.begin();
L137: for (int i138 = 0; i138 < 2; i138++) {
synchronized (P5ighn9d.LOCK) {
L139: for (int i140 = 0; i140 < 1; i140++) {
synchronized (P5ighn9d.LOCK) {
Object v141 = (true ? "o2" : "o0");
int[] v142 = new int[] {i138, 2, i138};
String v143 = "s1";
if ((-3L == -3L)) break;
byte v144 = (byte) 9;
}
try {
if (((true ? 4L : 6L) == (-2L * 5L))) break;
synchronized (L.lock((int) (double) (5.5))) {
byte v145 = (byte) (int) (i138);
byte v146 = v145;
}
String v147 = new Box(1).with(new Box(3)).toString();
}
finally {
{
String v148 = "s1";
if (!(false ? false : true)) throw new FuzzException("t" + Integer.compare(n136, new Box(5).sum()));
}
}
}
{
int v149 = n136;
}
try {
boolean v150 = (!false ? (7L == 0L) : !false);
synchronized (P5ighn9d.LOCK) {
CharSequence v151 = (v150 ? "c1" : "c2");
String v152 = T.show(new int[] {6, 2});
}
synchronized (P5ighn9d.class) {
if (((double) (int) (9) < (float) (short) ((short) -3))) return null;
Object v153 = ((v150 ^ v150) ? "s0" : (Integer) ((int) Math.max(((int) -2), ((int) n136))));
T.t(((6L / 4.0) - 4.5));
}
}
finally {
{
try {
try {
boolean v154 = (6.5 < 6.25f);
synchronized (L.lock(i138)) {
boolean v155 = (8.5 < 0.25f);
T.t((char) ('a' + Math.floorMod(((int) i138), 26)));
}
try {
T.t((byte) (int) (i138));
synchronized (L.lock((4 * i138))) {
short v156 = ((-2L == -2L) ? (short) (i138 + (byte) 5) : (short) (-3 + (byte) 2));
}
L157: for (int i158 = 0; i158 < 1; i158++) {
synchronized (P5ighn9d.LOCK) {
if (v154) continue;
long v159 = (long) (int) (i138);
if ("s2".isEmpty()) continue;
T.t(new Box(4).toString().toUpperCase());
}
if (new Box(8).toString().isEmpty()) return null;
}
}
catch (Exception ex160) {
T.t("sync caught " + ex160.getMessage());
{
L161: for (int i162 = 0; i162 < 3; i162++) {
synchronized (L.lock((switch (Math.floorMod(((int) 6), 4)) { case 0 -> n136; case 1, 2 -> { T.t("s2"); yield java.util.Objects.requireNonNull(i138); } default -> i162; }))) {
Object v163 = (Object) ((long) 7L);
if (!false) continue L137;
byte v164 = (byte) 9;
}
long v165 = (9 * 1000L);
}
short v166 = (short) (n136 + (byte) -3);
}
}
finally {
{
boolean v167 = (v154 ? false : v154);
L168: for (int i169 = 0; i169 < 2; i169++) {
synchronized (L.lock((6 / (-1 | 1)))) {
if (v154) continue;
if (v167) break;
String v170 = String.valueOf(((double) 2.5));
}
synchronized (L.lock((1 * i138))) {
Box v171 = new Box((long) (int) (-1), (switch ("s2") { case "s1", "s2" -> "s2"; case "s3" -> { T.t(n136); yield java.util.Objects.requireNonNull("s3"); } default -> "s0"; }), L.va(n136, i138, 2));
}
}
}
}
}
finally {
{
int v172 = new int[] {-3, i138, 3}.length;
if ("s3".isEmpty()) throw new FuzzException("t" + (v172 << (i138 & 7)));
}
}
synchronized (P5ighn9d.class) {
long v173 = (long) (int) (n136);
}
Box v174 = new Box(-3).with(new Box(3));
}
catch (FuzzException ex175) {
T.t("sync caught " + ex175.getMessage());
{
float v176 = ((float) (short) ((short) 3) - (float) (short) ((short) 7));
}
}
boolean v177 = ((0L == -2L) & true);
}
}
if (false) continue;
T.t(new Box(1));
}
Generator.yield((Object) ((boolean) (0L == 4L)));
}
L178: for (int e179 : new int[Math.floorMod(((int) n136), 4) + 1]) {
try {
if ("s2".isEmpty()) break L178;
synchronized (P5ighn9d.LOCK) {
char v180 = 'a';
String v181 = T.show(new int[] {3, 2});
}
L182: for (int i183 = 0; i183 < 3; i183++) {
synchronized (P5ighn9d.LOCK) {
int[] v184 = new int[Math.floorMod(((int) n136), 4) + 1];
int[] v185 = v184.clone();
if (true) continue;
boolean v186 = ((long) (int) (e179) == (n136 * 1000L));
}
synchronized (P5ighn9d.LOCK) {
synchronized (P5ighn9d.LOCK) {
boolean v187 = (6L == -3L);
if (((1.5 * -2.5) < -3.25f)) throw new FuzzException("t" + ((char) ('a' + Math.floorMod(((int) n136), 26)) + (short) 1));
char v188 = (char) ('a' + Math.floorMod(((int) (i183 * e179)), 26));
}
}
}
}
finally {
{
Generator.yield(n136);
Generator.yield(((n136 != 0) ? new StringBuilder("c0") : new StringBuilder("c0")));
}
}
}
synchronized (P5ighn9d.LOCK) {
{
Box v189 = new Box(7).with(new Box(7));
boolean v190 = ((n136 & n136) != "s3".length());
}
int[] v191 = ((-1.5 < 9.25f) ? new int[] {n136, 0, 0} : new int[] {-3, 2}.clone());
}
double v192 = (double) (int) (('g' + (short) -3));
return null;
}

static Generator<Integer> g1(int n193) throws Exception {
G.begin();
if ((3L == -2L)) throw new FuzzException("t" + n193);
byte v194 = (byte) 0;
try (Res r195 = new Res("r195", Math.max(((int) (n193 % (4 | 1))), ((int) (int) (double) (-3.5))))) {
T.t(r195.use((n193 * n193)));
{
try {
v194 = ("s0".isEmpty() ? (true ? v194 : v194) : (byte) (int) (n193));
synchronized (P5ighn9d.class) {
String v196 = "s3";
}
long v197 = (long) (int) (n193);
}
catch (Exception ex198) {
T.t("sync caught " + ex198.getMessage());
{
try {
long v199 = ((false ? 4L : 7L) - (4L - 5L));
synchronized (P5ighn9d.LOCK) {
T.t((v199 * 0L));
boolean v200 = !(false || true);
float v201 = ("s3".isEmpty() ? (float) (short) ((short) 1) : (float) (short) ((short) 9));
}
char v202 = (char) ('a' + Math.floorMod(((int) n193), 26));
}
finally {
{
Generator.yield((int) (long) (0L));
}
}
Generator.yield((false ? n193 : n193));
}
}
Object v203 = (Object) ((String) new StringBuilder("s2").append(((double) 9.5)).append(((String) "s0")).toString());
}
}
try {
char v204 = 'e';
synchronized (P5ighn9d.LOCK) {
T.t(v194);
synchronized (P5ighn9d.LOCK) {
T.t(new StringBuilder((true ? "c1" : "c1")));
}
Box v205 = new Box(0L, "s0", n193);
}
long v206 = (long) (int) ((false ? n193 : 2));
}
catch (FuzzException ex207) {
T.t("sync caught " + ex207.getMessage());
{
double v208 = (double) (int) (new Box(-1).sum());
}
}
return null;
}

}
