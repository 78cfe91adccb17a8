package dev.weft.it.fuzz;

import static dev.weft.Async.await;
import dev.weft.Generator;
import dev.weft.Future;
import dev.weft.fuzz.rt.*;
import java.util.concurrent.CompletableFuture;

@SuppressWarnings({"all", "cast", "fallthrough", "divzero", "empty", "finally", "static"})
public final class Pwm7ky97 implements IPwm7ky97 {
int f = 3;
static final Object LOCK = new Object();
public static Future<Integer> m0(int d) throws Exception {
if (d <= 0) return Future.ready(await(L.i(0)));
boolean v0 = (6.5 < 2.25f);
short v1 = ((short) await(L.s(((short) await(L.s((short) 6))))));
{
try (Res r2 = new Res("r2", (((int) await(new Pwm7ky97().m3(d - 1, 1.25f, (short) -2))) << ((9 + -2) & 7)))) {
T.t(r2.use(((int) await(L.i(4)))));
{
int[] v3 = ((int[]) await(L.arr(new int[] {1, 2}))).clone();
}
}
}
switch (Color.of((int) (new int[Math.floorMod(((int) -2), 4) + 1].length))) {
case RED: {
try {
if ((6.5 < 3.25f)) return Future.ready("s2".length());
synchronized (Pwm7ky97.class) {
long v4 = (9 * 1000L);
double v5 = (v4 / 4.0);
}
if ((v0 && v0)) return Future.ready(((int) await(L.i(3))));
}
finally {
await(L.v());
{
await(L.i(0));
}
}
switch (Math.floorMod((int) ((!v0 ? ((int) await(L.i(3))) : ((int) await(new Pwm7ky97().m1(d - 1, 8L))))), 4)) {
case 0: {
try {
T.t(new Box(1).with(new Box(6)));
synchronized (L.lock((int) await(L.i(((int) await(new Pwm7ky97().i0(d - 1, (byte) 4))))))) {
Object v6 = (false ? "s2" : (false ? "s1" : (Integer) ((int) 1)));
}
try {
if ("s3".isEmpty()) return Future.ready((3 % (0 | 1)));
synchronized (Pwm7ky97.LOCK) {
synchronized (L.lock("s1".length())) {
char v7 = (char) ('a' + Math.floorMod(((int) (true ? 1 : 3)), 26));
}
}
if (((boolean) await(L.z(v0)))) throw new FuzzException("t" + -2);
}
catch (FuzzException ex8) {
T.t("sync caught " + ex8.getMessage());
await(L.v());
{
byte v9 = (byte) (int) (5);
char v10 = 'e';
}
}
finally {
await(L.v());
{
try {
Box v11 = new Box(7L, "s1", -2);
synchronized (Pwm7ky97.LOCK) {
char v12 = (char) ('a' + Math.floorMod(((int) 2), 26));
}
L13: for (int i14 = 0; i14 < 1; i14++) {
synchronized (Pwm7ky97.class) {
T.t(new StringBuilder(new Box(-2).toString()).append(((boolean) (true & true))).append(((String) (switch ("s2") { case "s1", "s2" -> "s3"; case "s3" -> { T.t(i14); yield java.util.Objects.requireNonNull("s0"); } default -> "s2"; }))).toString());
double v15 = (-1.5 + 5.5);
double v16 = (v0 ? v15 : v15);
if (!v0) continue;
L17: for (int i18 = 0; i18 < 2; i18++) {
synchronized (Pwm7ky97.class) {
if ((v0 ? (v15 < 8.25f) : (v0 & true))) return Future.ready(L.va(L.va(i18, i14, 8), i14, i18));
double v19 = ((double) (int) (i18) - (v15 + 2.5));
Box v20 = new Box(1);
if (!v0) continue;
T.t((v0 ? v20 : (v0 ? new Box(4) : new Box(-2))));
}
synchronized (Pwm7ky97.LOCK) {
boolean v21 = false;
}
}
}
await(L.i(0));
long v22 = 8L;
}
}
catch (FuzzException ex23) {
T.t("sync caught " + ex23.getMessage());
await(L.i(0));
{
float v24 = ((float) (short) (v1) + ((float) await(L.f(-2.25f))));
}
}
finally {
await(L.i(0));
{
L25: for (int i26 = 0; i26 < 2; i26++) {
synchronized (L.lock((int) await(L.i(((int) await(m2(d - 1, 5L))))))) {
L27: for (int i28 = 0; i28 < 3; i28++) {
synchronized (Pwm7ky97.class) {
short v29 = (short) (new int[] {-2, 2}.length + (byte) (int) (-3));
int v30 = 9;
if ((7L == 8L)) break;
char v31 = (char) ('a' + Math.floorMod(((int) i26), 26));
}
short v32 = (short) (i26 + (byte) 3);
}
if (!v0) break L25;
if (((double) (int) (i26) < (0.25f + 9.25f))) throw new FuzzException("t" + ((v0 ^ v0) ? (i26 % (i26 | 1)) : Math.max(((int) i26), ((int) i26))));
}
await(L.v());
try {
char v33 = 'h';
synchronized (Pwm7ky97.LOCK) {
synchronized (Pwm7ky97.LOCK) {
char v34 = (char) ('a' + Math.floorMod(((int) L.va(i26, -2, 7)), 26));
byte v35 = (byte) 0;
if (v0) throw new FuzzException("t" + (int) (long) (5L));
}
CharSequence v36 = "c1";
}
try {
try {
char v37 = 'i';
synchronized (Pwm7ky97.LOCK) {
synchronized (Pwm7ky97.LOCK) {
int v38 = new int[] {8, 2}.clone().length;
int v39 = Math.max(((int) "s1".length()), ((int) (i26 + v38)));
float v40 = (float) (short) (v1);
}
byte v41 = (byte) (int) (i26);
}
String v42 = ((String) await(L.str("s0")));
}
catch (RuntimeException ex43) {
T.t("sync caught " + ex43.getMessage());
await(L.i(0));
{
byte v44 = (byte) (int) (((int) await(new Pwm7ky97().i0(d - 1, (byte) 1))));
}
}
finally {
await(L.i(0));
{
if (((boolean) await(L.z(v0)))) return L.i(6);
double v45 = ((double) await(L.d(5.5)));
}
}
synchronized (Pwm7ky97.class) {
char v46 = (char) ('a' + Math.floorMod(((int) i26), 26));
T.t("c0");
}
synchronized (L.lock((int) await(L.i(((int) await(IPwm7ky97.i1(d - 1))))))) {
T.t("s0".concat("s3"));
v33 = v33;
T.t((byte) (int) (i26));
}
}
finally {
await(L.i(0));
{
Fn fn47 = (int x48) -> {
T.t(((double) await(L.d(1.5))));
await(L.i(0));
return Future.ready(((String) await(L.str("s1"))).length());
};
}
}
}
finally {
await(L.i(0));
{
if (((boolean) await(L.z(v0)))) continue L25;
}
}
}
await(L.v());
}
}
T.t((v0 ? "c1" : "o0"));
}
}
}
finally {
await(L.i(0));
{
Fn fn49 = x50 -> m0(d - 1);
}
}
}
break;
case 2: {
synchronized (Pwm7ky97.class) {
short v51 = v1;
T.t((short) ((int) (double) (3.5) + (byte) (int) (7)));
}
}
break;
default: {
await(L.v());
}
}
}
break;
case BLUE: {
float v52 = 4.25f;
}
default: {
switch (Color.of((int) (4))) {
case RED: {
synchronized (Pwm7ky97.class) {
synchronized (Pwm7ky97.class) {
float v53 = ((6 != 8) ? (float) (short) ((short) -2) : (float) (short) (v1));
int[] v54 = new int[] {1, 2}.clone();
long v55 = 0L;
}
}
}
break;
case BLUE: {
try {
String v56 = ((String) await(L.str((v0 ? "s2" : "s3"))));
synchronized (L.lock((int) await(L.i(7)))) {
byte v57 = (byte) (int) ((int) (long) (2L));
double v58 = 4.5;
}
await(L.i(0));
}
finally {
await(L.v());
{
if (!v0) throw new FuzzException("t" + L.va(2, -2, 2));
}
}
}
break;
default: {
Object v59 = (false ? "s3" : new Box(3));
float v60 = (float) (short) ((true ? (short) 2 : v1));
}
}
if (v0) return new Pwm7ky97().m1(d - 1, 4L);
}
}
return Future.ready(new int[Math.floorMod(((int) 1), 4) + 1].length);
}

Future<Integer> m1(int d, long p61) throws Exception {
if (d <= 0) return Future.ready(await(L.i(1)));
{
L62: for (int i63 = 0; i63 < 3; i63++) {
synchronized (L.lock((int) await(L.i(new Box(-3).sum())))) {
char v64 = (char) ('a' + Math.floorMod(((int) (false ? i63 : 3)), 26));
synchronized (L.lock(i63)) {
double v65 = (double) (int) ("s2".length());
}
if ((2.5 < 3.25f)) break;
byte v66 = (byte) -3;
}
await(L.v());
T.t((p61 - 3L));
}
this.f ^= 5;
}
Fn fn67 = x68 -> this.i0(d - 1, (byte) (int) (x68));
return Future.ready(4);
}

private static Future<Integer> m2(int d, long p69) throws Exception {
if (d <= 0) return Future.ready(await(L.i(9)));
try {
await(L.i(0));
synchronized (Pwm7ky97.LOCK) {
switch (Math.floorMod((int) ((L.va(-3, 1, 3) % (L.va(7, 8, -2) | 1))), 4)) {
case 0: {
synchronized (L.lock(4)) {
float v70 = (9.25f - 2.25f);
}
}
case 2: {
char v71 = (char) ('a' + Math.floorMod(((int) -3), 26));
T.t("s2".concat("s3").concat(new Box(2).toString()));
}
break;
default: {
synchronized (Pwm7ky97.LOCK) {
Box v72 = new Box(6);
short v73 = (short) (('g' + (short) 9) + (byte) (int) (4));
char v74 = (char) ('a' + Math.floorMod(((int) 8), 26));
}
float v75 = (float) (short) ((short) 7);
}
}
synchronized (Pwm7ky97.class) {
CharSequence v76 = (false ? "s2" : new StringBuilder("s3"));
boolean v77 = false;
T.t((v77 ? "s1" : new StringBuilder("s0")));
}
double v78 = ((p69 / 4.0) - (p69 / 4.0));
}
Fn fn79 = (int x80) -> {
Object v81 = (true ? (false ? "c0" : "c2") : (Object) ((byte) (byte) -3));
T.t(((false || false) ? ((String) await(L.str("s1"))) : (Integer) ((int) ((int) await(e0(d - 1, 6.5))))));
return Future.ready((int) (double) ((-1.5 * -1.5)));
};
}
catch (Exception ex82) {
T.t("sync caught " + ex82.getMessage());
await(L.i(0));
{
byte v83 = (byte) 5;
await(L.v());
}
}
try {
if (false) {
Fn fn84 = x85 -> new Pwm7ky97().i0(d - 1, (byte) 4);
float v86 = -3.25f;
}
else {
Box v87 = ((Box) await(L.box(new Box(p69, "s2", 2))));
T.t(((String) await(L.str("s1"))));
}
await(L.i(0));
}
finally {
{
Box v88 = (false ? new Box(p69, "s0", 1) : new Box(3));
}
switch ((false ? "s1" : "s1").concat("s2")) {
case "s1": {
byte v89 = (byte) (int) (-3);
try {
T.t(new Box(2));
synchronized (L.lock((int) await(L.i(-2)))) {
float v90 = (1.25f - 6.25f);
synchronized (Pwm7ky97.class) {
float v91 = (true ? v90 : v90);
short v92 = (short) (-3 + v89);
}
String v93 = "s0".concat("s1");
}
short v94 = ((short) await(L.s((short) (8 + (byte) -2))));
}
finally {
await(L.v());
{
await(L.i(0));
}
}
}
break;
case "s2": case "k": {
float v95 = (float) (short) ((short) (5 + (byte) 6));
}
break;
default: {
T.t(((Object) await(L.o((Object) ((byte) (byte) 1)))));
}
}
}
T.t("s1");
switch (((false ? true : false) ? ((String) await(L.str("s1"))) : "s1".concat("s0"))) {
case "s1": {
{ int i97 = 0; L96: while (i97++ < 1) {
await(L.v());
}
}
}
break;
case "s2": case "k": {
String v98 = ((String) await(L.str(("k" + 2 + "s2"))));
}
default: {
char v99 = (char) ('a' + Math.floorMod(((int) 2), 26));
}
}
synchronized (Pwm7ky97.LOCK) {
short v100 = (short) 7;
}
return new Pwm7ky97().m3(d - 1, (false ? 6.25f : -3.25f), (short) 0);
}

Future<Integer> m3(int d, float p101, short p102) throws Exception {
if (d <= 0) return Future.ready(await(L.i(7)));
Box v103 = new Box(6);
{ int i105 = 0; L104: do {
short v106 = (short) (i105 + (byte) 5);
}
while (++i105 < 3); }
p102 = (short) (4 + (byte) 1);
L107: for (int i108 = 0; i108 < 3; i108++) {
T.t(v103);
if (!false) break L107;
}
switch (Color.of((int) ((new Box(-3).sum() + 4)))) {
case RED: {
Fn fn109 = x110 -> this.m3(d - 1, (float) (short) ((short) 9), (short) (x110 + (byte) 0));
}
break;
case BLUE: {
CharSequence v111 = ((CharSequence) await(L.cq("c0")));
}
break;
default: {
T.t("s2");
v103 = new Box(4).with(v103);
}
}
return Future.ready((((int) await(L.i(8))) ^ ((int) await(m2(d - 1, -1L)))));
}

private static CompletableFuture<Integer> e0(int d, double p112) throws Exception {
if (d <= 0) return CompletableFuture.completedFuture(await(L.i(5)));
L113: for (String e114 : java.util.List.of(("k" + "c0" + (byte) -2), "s3")) {
try {
char v115 = ((char) await(L.c(((char) await(L.c('z'))))));
}
catch (Exception ex116) {
T.t("caught " + ex116.getMessage());
{
try {
byte v117 = ((byte) await(L.b((byte) 6)));
synchronized (Pwm7ky97.LOCK) {
float v118 = (5.25f - 3.25f);
float v119 = ((p112 < v118) ? (v118 * v118) : 1.25f);
}
synchronized (L.lock((int) await(L.i(new Box(2).sum())))) {
v117 = v117;
L120: for (int i121 = 0; i121 < 3; i121++) {
synchronized (Pwm7ky97.class) {
String v122 = e114;
int[] v123 = new int[] {-2, 2};
if ((i121 < 0)) continue;
byte v124 = (byte) (int) (i121);
}
char v125 = (char) ('a' + Math.floorMod(((int) i121), 26));
}
boolean v126 = ((p112 - 3.5) < (-3.25f * 6.25f));
}
}
catch (RuntimeException ex127) {
T.t("sync caught " + ex127.getMessage());
await(L.i(0));
{
Box v128 = ((Box) await(L.box(new Box(7))));
}
}
finally {
await(L.i(0));
{
T.t("s1");
T.t((Object) ((Object) (Object) ((long) 0L)));
}
}
await(L.i(0));
}
}
finally {
Fn fn129 = (int x130) -> {
if ((1.5 < 1.25f)) return Future.ready("s1".length());
L131: for (int i132 = 0; i132 < 2; i132++) {
synchronized (Pwm7ky97.class) {
if (((long) (int) (5) == (long) (int) (x130))) break;
long v133 = 2L;
int v134 = (false ? 0 : 2);
if (true) break;
char v135 = (char) ('a' + Math.floorMod(((int) (true ? i132 : 2)), 26));
}
await(L.i(0));
Fn fn136 = (int x137) -> {
Box v138 = new Box(-3);
return Future.ready(((int) await(L.i((-3 * x137)))));
};
}
return Future.ready(((int) await(L.i((x130 + 8)))));
};
}
}
switch (((String) await(L.str((false ? "s2" : "s0"))))) {
case "s1": {
try {
int[] v139 = ((int[]) await(L.arr(new int[] {-2, 3, 7})));
}
finally {
byte v140 = (byte) 3;
T.t((switch (((String) await(L.str("s2")))) { case "s1", "s2" -> L.vs(new Box(5), "c0"); case "s3" -> { T.t((int) (double) (p112)); yield java.util.Objects.requireNonNull(L.vs(v140, 'y')); } default -> (switch ("s3") { case "s1", "s2" -> "s2"; case "s3" -> { T.t(4); yield java.util.Objects.requireNonNull("s3"); } default -> "s2"; }); }));
}
}
break;
case "s2": case "k": {
T.t(T.show(new int[] {6, 2}));
}
break;
default: {
float v141 = ((float) await(L.f(4.25f)));
}
}
{
try {
await(L.i(0));
}
finally {
char v142 = 'f';
}
try {
try {
synchronized (Pwm7ky97.class) {
short v143 = (short) ((0 * 4) + (byte) (int) (8));
}
synchronized (Pwm7ky97.LOCK) {
short v144 = (true ? (short) 3 : (short) 0);
}
p112 = (double) (int) (-3);
}
catch (FuzzException ex145) {
T.t("sync caught " + ex145.getMessage());
await(L.v());
{
if (true) throw new FuzzException("t" + -2);
T.t((byte) (int) ((4 / (2 | 1))));
}
}
synchronized (Pwm7ky97.class) {
float v146 = (8.25f * 4.25f);
}
CharSequence v147 = "c2";
}
finally {
await(L.i(0));
{
synchronized (Pwm7ky97.LOCK) {
int v148 = 3;
Box v149 = (false ? new Box(0L, "s3", 1) : new Box(v148));
long v150 = 5L;
}
T.t((byte) 6);
}
}
}
float v151 = 4.25f;
return CompletableFuture.completedFuture(((int) await(L.i((int) (double) (p112)))));
}

private static Generator<Integer> g0(int n230) throws Exception {
G.begin();
T.t("s0");
return null;
}

static Generator<Integer> g1(int n231) throws Exception {
G.begin();
Box v232 = ((8.5 < -3.25f) ? new Box(5L, ("k" + new Box(-2) + "s0"), 1) : new Box(-1));
{
if (((7L - 9L) == (long) (int) (n231))) return null;
n231 += ((char) ('a' + Math.floorMod(((int) n231), 26)) + (short) (n231 + (byte) 3));
}
return null;
}

}

@SuppressWarnings({"all", "cast", "fallthrough", "divzero", "empty", "finally", "static"})
interface IPwm7ky97 {
default Future<Integer> i0(int d, byte p152) throws Exception {
if (d <= 0) return Future.ready(await(L.i(9)));
switch (Math.floorMod((int) (6), 4)) {
case 0: {
boolean v153 = false;
}
case 2: {
synchronized (Pwm7ky97.class) {
String v154 = "s0";
long v155 = (3 * 1000L);
Object v156 = (false ? new StringBuilder("c2") : (Object) ((float) 2.25f));
}
}
break;
default: {
try {
synchronized (Pwm7ky97.class) {
synchronized (this) {
T.t(new Box(5).with(new Box(3)));
CharSequence v157 = (false ? "s1" : new StringBuilder("s3"));
Object v158 = "o1";
}
try {
try {
long v159 = 6L;
synchronized (Pwm7ky97.class) {
byte v160 = (byte) (int) (1);
}
Object v161 = ((v159 == v159) ? ("k" + "c1" + 0.25f) : new Box(5).with(new Box(2)));
}
catch (RuntimeException ex162) {
T.t("sync caught " + ex162.getMessage());
{
char v163 = (char) ('a' + Math.floorMod(((int) (int) (double) (8.5)), 26));
}
}
synchronized (Pwm7ky97.LOCK) {
int[] v164 = new int[] {8, 2};
T.t("s3");
}
int[] v165 = new int[] {7, 2}.clone();
}
finally {
{
byte v166 = (byte) (int) (5);
}
}
try {
String v167 = new StringBuilder("s2").append(((Object) "o0")).append(((int) -2)).toString();
synchronized (this) {
float v168 = -2.25f;
}
v167 = ("k" + 6.25f + -1);
}
catch (RuntimeException ex169) {
T.t("sync caught " + ex169.getMessage());
{
int v170 = ('h' + (short) -3);
}
}
finally {
{
char v171 = (char) ('a' + Math.floorMod(((int) 6), 26));
}
}
}
synchronized (L.lock((int) await(L.i(((int) await(L.i(2))))))) {
try {
Box v172 = new Box(9);
synchronized (L.lock((false ? 7 : 6))) {
int v173 = (switch (Math.floorMod(((int) Math.max(((int) 1), ((int) 8))), 4)) { case 0 -> (switch (Math.floorMod(((int) 0), 4)) { case 0 -> -1; case 1, 2 -> { T.t("s1"); yield java.util.Objects.requireNonNull(8); } default -> 7; }); case 1, 2 -> { T.t(v172.toString()); yield java.util.Objects.requireNonNull((true ? 7 : 1)); } default -> 2; });
long v174 = ((int) (long) (-3L) * 1000L);
}
CharSequence v175 = "s3";
}
finally {
{
try {
Object v176 = ((true && false) ? String.valueOf(((short) (short) 5)) : (Integer) ((int) (1 / (4 | 1))));
synchronized (Pwm7ky97.LOCK) {
p152 = p152;
CharSequence v177 = new StringBuilder((true ? "c0" : "c1"));
}
int[] v178 = new int[] {6, 6, 8};
}
finally {
{
if ("s2".isEmpty()) return L.i("s0".length());
}
}
}
}
}
T.t(new Box(9).with(new Box(-1)));
}
catch (RuntimeException ex179) {
T.t("sync caught " + ex179.getMessage());
await(L.v());
{
T.t((false ? "s1" : "s1"));
await(L.i(0));
}
}
finally {
await(L.v());
{
Fn fn180 = x181 -> IPwm7ky97.i1(d - 1);
T.t('e');
}
}
if ((9 > (true ? 0 : -3))) {
T.t(((String) await(L.str("s3"))));
Box v182 = ((Box) await(L.box(new Box(-1))));
}
}
}
{
CharSequence v183 = (!false ? "s0" : new StringBuilder("s3"));
synchronized (L.lock((int) await(L.i((int) (long) (-1L))))) {
double v184 = (double) (int) (5);
try {
byte v185 = (byte) (int) ((int) (long) (5L));
synchronized (Pwm7ky97.class) {
int[] v186 = new int[] {2, 2};
double v187 = ((v184 < -3.25f) ? (v184 - -3.5) : (true ? -2.5 : v184));
}
T.t(new int[] {9, 6, 5});
}
finally {
{
double v188 = (double) (int) (('a' + (short) -1));
int[] v189 = new int[] {-3, 2};
}
}
}
}
return IPwm7ky97.i1(d - 1);
}

static Future<Integer> i1(int d) throws Exception {
if (d <= 0) return Future.ready(await(L.i(3)));
Fn fn190 = (int x191) -> {
switch (((String) await(L.str(((String) await(L.str("s3"))))))) {
case "s1": {
L192: for (int i193 = 0; i193 < 2; i193++) {
synchronized (Pwm7ky97.class) {
short v194 = (short) 5;
byte v195 = (byte) (int) ((true ? x191 : x191));
long v196 = -2L;
if (true) break L192;
T.t(new int[] {2, 2});
}
await(L.i(0));
synchronized (L.lock((int) await(L.i(((int) await(L.i(x191))))))) {
try {
String v197 = ("k" + (2L == 1L) + ('d' + (short) 3));
synchronized (L.lock(new Box(5).sum())) {
String v198 = "s2";
}
T.t(false);
}
catch (RuntimeException ex199) {
T.t("sync caught " + ex199.getMessage());
{
String v200 = "s2";
}
}
}
}
synchronized (Pwm7ky97.LOCK) {
long v201 = (6L ^ -3L);
char v202 = (char) ('a' + Math.floorMod(((int) ('x' + (short) 1)), 26));
T.t(((false ? x191 : x191) < x191));
}
}
break;
case "s2": case "k": {
if ((true ? true : true)) throw new FuzzException("t" + ((int) await(IPwm7ky97.i1(d - 1))));
Box v203 = new Box(-2);
}
break;
default: {
try {
synchronized (Pwm7ky97.LOCK) {
boolean v204 = (Math.max(((int) x191), ((int) -2)) != L.va(7, x191, x191));
int v205 = (Math.max(((int) x191), ((int) x191)) << (x191 & 7));
L206: for (int i207 = 0; i207 < 1; i207++) {
synchronized (Pwm7ky97.LOCK) {
byte v208 = (byte) (int) (v205);
if (!true) continue L206;
long v209 = ((i207 / (i207 | 1)) * 1000L);
}
T.t((short) (new int[] {5, 2}.length + (byte) (int) (5)));
}
}
synchronized (Pwm7ky97.LOCK) {
if ((2.5 < 9.25f)) return Future.ready((-3 << (x191 & 7)));
}
float v210 = -3.25f;
}
catch (RuntimeException ex211) {
T.t("sync caught " + ex211.getMessage());
await(L.v());
{
await(L.i(0));
}
}
finally {
await(L.v());
{
await(L.v());
}
}
CharSequence v212 = ((CharSequence) await(L.cq(((CharSequence) await(L.cq("c1"))))));
}
}
synchronized (L.lock((int) await(L.i(Integer.compare(9, x191))))) {
T.t((switch ("s0") { case "s1", "s2" -> "s1"; case "s3" -> { T.t(x191); yield java.util.Objects.requireNonNull("s1"); } default -> "s0"; }));
}
return Future.ready(((int) await(L.i("s1".length()))));
};
L213: for (String e214 : java.util.List.of(L.vs(new Box(5), 2.25f), ((String) await(L.str("s0"))))) {
float v215 = 0.25f;
synchronized (L.lock((int) await(L.i(-1)))) {
short v216 = (short) (7 + (byte) 6);
L217: for (int i218 = 0; i218 < 3; i218++) {
synchronized (L.lock(i218)) {
long v219 = (false ? -3L : (i218 * 1000L));
if (false) continue;
if (((i218 ^ i218) < (switch (Math.floorMod(((int) i218), 4)) { case 0 -> -2; case 1, 2 -> { T.t(e214); yield java.util.Objects.requireNonNull(-1); } default -> i218; }))) return L.i((int) (double) ((0.5 * 9.5)));
}
long v220 = ((long) (int) (i218) ^ -3L);
}
L221: for (int i222 = 0; i222 < 3; i222++) {
synchronized (L.lock((-1 & i222))) {
Box v223 = new Box((3L + 2L), ("k" + 1L + 'i'), new Box(7).sum());
T.t("c2");
double v224 = 4.5;
if (false) continue;
Object v225 = (Object) ((long) (i222 * 1000L));
}
try {
short v226 = (short) (9 + (byte) -1);
synchronized (Pwm7ky97.class) {
String v227 = e214;
}
T.t((false ? e214 : e214));
}
catch (RuntimeException ex228) {
T.t("sync caught " + ex228.getMessage());
{
String v229 = "s0";
}
}
}
}
}
return Future.ready((3 & ((int) await(fn190.apply(5)))));
}

}
